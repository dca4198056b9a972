using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Web;

/// <summary>Remote file inclusion rules (CWE-98, CAPEC-193).</summary>
internal static class RfiRules
{
    private const string F = ThreatCategory.Rfi;

    public static readonly RuleDefinition TruncatedInclude = new("rfi.remote_include", F, 0.85, 0.55, 0.97,
        "remote script URL ending in '?', '#' or NUL to cut off the extension the application appends", 98, 193);

    public static readonly RuleDefinition IncludeParameter = new("rfi.include_parameter", F, 0.8, 0.5, 0.95,
        "remote script URL handed to an include-style parameter (page=, file=, include=)", 98, 193);

    public static readonly RuleDefinition RemoteScript = new("rfi.remote_script", F, 0.62, 0.35, 0.9,
        "the value is a remote URL of a script or text file", 98, 193);

    public static readonly RuleDefinition SmbInclude = new("rfi.smb_include", F, 0.8, 0.5, 0.95,
        "UNC path to a script on another host (SMB include)", 98, 193);

    public static readonly RuleDefinition CodeStream = new("rfi.code_stream", F, 0.88, 0.58, 0.97,
        "data:// or php://input stream supplies the included code", 98, 193);

    public static readonly RuleDefinition[] All = [TruncatedInclude, IncludeParameter, RemoteScript, SmbInclude, CodeStream];
}
