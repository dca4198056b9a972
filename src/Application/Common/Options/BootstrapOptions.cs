namespace InfiniteSecurity.Application.Common.Options;

/// <summary>Bound from <c>Bootstrap</c>: the first admin, created on first start when no admin exists.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    public string AdminUsername { get; set; } = "admin";

    /// <summary>Optional. Without it a random password is generated, printed once, and must be changed at first login.</summary>
    public string? AdminPassword { get; set; }
}
