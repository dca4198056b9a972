namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>The real clock plus an offset a test can move forward (to let a lockout or a token run out).</summary>
public sealed class ShiftableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
