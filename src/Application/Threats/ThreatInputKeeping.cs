using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Application.Threats;

/// <summary>What analyze, batch, inspect and gate share when the deployment keeps inputs: encrypt here, in the request, so the writer only carries ciphertext.</summary>
internal static class ThreatInputKeeping
{
    public const string Text = "text/plain; charset=utf-8";
    public const string HttpMessage = "message/http";
    public const string Json = "application/json";

    public static void KeepInputIfConfigured(this IThreatInputProtector protector, Threat threat, string input) =>
        protector.KeepInputIfConfigured(threat, System.Text.Encoding.UTF8.GetBytes(input), Text);

    public static void KeepInputIfConfigured(this IThreatInputProtector protector, Threat threat, ReadOnlySpan<byte> input, string contentType)
    {
        if (!protector.KeepsInputs)
        {
            return;
        }

        if (protector.Protect(input) is { } ciphertext)
        {
            threat.KeepInput(ciphertext, contentType);
        }
    }
}
