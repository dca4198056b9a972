namespace InfiniteSecurity.Domain.Common;

internal static class Clock
{
    /// <summary>The UTC now of an injected <see cref="TimeProvider"/>, as the <see cref="DateTimeKind.Utc"/> DateTime we store.</summary>
    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;
}
