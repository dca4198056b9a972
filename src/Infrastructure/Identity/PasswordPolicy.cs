using Microsoft.Extensions.Hosting;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>
/// OWASP ASVS 5 (V6.2): at least 12 characters (8 in Development), at most 128, no composition rules, common
/// passwords refused. Length counts Unicode characters (code points), not UTF-16 units.
/// </summary>
internal sealed class PasswordPolicy(IHostEnvironment environment)
{
    public const int MaximumLength = 128;

    public int MinimumLength { get; } = environment.IsDevelopment() ? 8 : 12;

    public IReadOnlyList<string> Check(string password, string userName)
    {
        var problems = new List<string>();
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            problems.Add($"The password must be at least {MinimumLength} characters long.");
        }

        if (length > MaximumLength)
        {
            problems.Add($"The password must be at most {MaximumLength} characters long.");
        }

        if (CommonPasswordList.Contains(password))
        {
            problems.Add("The password is one of the most common passwords; choose a less predictable one.");
        }

        if (userName.Length > 0 && string.Equals(password.Trim(), userName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("The password must not be the user name.");
        }

        return problems;
    }
}
