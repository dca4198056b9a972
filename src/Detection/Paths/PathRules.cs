using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Paths;

/// <summary>Path traversal and local file inclusion rules (CWE-22, CAPEC-126).</summary>
internal static class PathRules
{
    private const string F = ThreatCategory.PathTraversal;

    public static readonly RuleDefinition DotDotClimb = new("path.dot_dot_climb", F, 0.9, 0.6, 0.98,
        "three or more parent-directory segments escape the intended folder", 22, 126);

    public static readonly RuleDefinition DotDotPair = new("path.dot_dot_pair", F, 0.85, 0.55, 0.95,
        "two parent-directory segments escape the intended folder", 22, 126);

    public static readonly RuleDefinition SingleParent = new("path.single_parent", F, 0.6, 0.3, 0.9,
        "a parent-directory segment opens the value", 22, 126);

    public static readonly RuleDefinition ClimbToSensitive = new("path.climb_to_sensitive", F, 0.93, 0.63, 0.98,
        "parent-directory segments lead to a sensitive system file", 22, 126);

    public static readonly RuleDefinition SensitiveFile = new("path.sensitive_file", F, 0.78, 0.48, 0.95,
        "absolute path to a sensitive system file", 22, 126);

    public static readonly RuleDefinition SystemPath = new("path.system_path", F, 0.72, 0.42, 0.92,
        "the value is a rooted path into an OS configuration, process or log directory, or to a config/log/key file", 22, 126);

    public static readonly RuleDefinition WindowsSystemPath = new("path.windows_system_path", F, 0.8, 0.5, 0.95,
        "drive path into Windows system files", 22, 126);

    public static readonly RuleDefinition DevicePath = new("path.device_path", F, 0.72, 0.42, 0.95,
        "Win32 device or UNC path (\\\\?\\, \\\\host\\share) names a file outside the web root", 22, 126);

    public static readonly RuleDefinition NulTruncation = new("path.nul_truncation", F, 0.9, 0.6, 0.97,
        "NUL byte cuts off the extension the application appends to the path", 22, 126);

    public static readonly RuleDefinition AlternateDataStream = new("path.alternate_data_stream", F, 0.75, 0.45, 0.95,
        "NTFS ::$DATA stream suffix reads a script's source instead of running it", 22, 126);

    public static readonly RuleDefinition StreamWrapper = new("path.stream_wrapper", F, 0.88, 0.58, 0.97,
        "PHP stream wrapper (php://filter, zip://, phar://, expect://, file:///) reads local files", 22, 126);

    public static readonly RuleDefinition WeakStreamWrapper = new("path.weak_stream_wrapper", F, 0.7, 0.4, 0.9,
        "stream wrapper (file://, glob://, compress.zlib://) addresses local files", 22, 126);

    /// <summary>A path inside an XML external identifier: the XXE rules name the attack, this only corroborates.</summary>
    public static readonly RuleDefinition XmlExternalTarget = new("path.xml_external_target", F, 0.55, 0.3, 0.8,
        "local file named by an XML external reference", 22, 126);

    public static readonly RuleDefinition[] All =
    [
        DotDotClimb, DotDotPair, SingleParent, ClimbToSensitive, SensitiveFile, SystemPath, WindowsSystemPath, DevicePath,
        NulTruncation, AlternateDataStream, StreamWrapper, WeakStreamWrapper, XmlExternalTarget,
    ];
}
