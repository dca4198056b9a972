namespace InfiniteSecurity.Domain.Common;

/// <summary>Named checks for domain invariants; each failure is a <see cref="DomainException"/>.</summary>
internal static class Guard
{
    public static string NotBlank(string? value, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{name} must not be empty.");
        }

        if (value.Length > maxLength)
        {
            throw new DomainException($"{name} must be at most {maxLength} characters.");
        }

        return value;
    }

    public static DateTime Utc(DateTime value, string name)
    {
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new DomainException($"{name} must be a UTC time.");
        }

        return value;
    }

    public static double Probability(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new DomainException($"{name} must be between 0 and 1.");
        }

        return value;
    }

    /// <summary>Cuts free text to a bound and replaces control characters so stored text cannot forge log lines.</summary>
    public static string? Neutralise(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var span = value.AsSpan(0, Math.Min(value.Length, maxLength));
        return string.Create(span.Length, value, static (dest, src) =>
        {
            for (var i = 0; i < dest.Length; i++)
            {
                var c = src[i];
                dest[i] = char.IsControl(c) ? '\uFFFD' : c;
            }
        });
    }
}
