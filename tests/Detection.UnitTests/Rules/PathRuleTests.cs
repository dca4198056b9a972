namespace InfiniteSecurity.Detection.UnitTests.Rules;

[TestFixture]
public sealed class PathRuleTests
{
    [TestCase("path.dot_dot_climb", "../../../opt/app/config.yml", TestName = "path.dot_dot_climb positive: three plain climbs")]
    [TestCase("path.dot_dot_climb", "..%252f..%252f..%252fsrv%252fdata", TestName = "path.dot_dot_climb positive: double-encoded slashes")]
    [TestCase("path.dot_dot_climb", "..././..././..././srv/x", TestName = "path.dot_dot_climb positive: strip-surviving ..././")]
    [TestCase("path.dot_dot_climb", "..;/..;/..;/srv/x", TestName = "path.dot_dot_climb positive: Tomcat path parameter")]
    [TestCase("path.dot_dot_climb", ".%2e/.%2e/.%2e/srv/x", TestName = "path.dot_dot_climb positive: half-encoded dots")]
    [TestCase("path.dot_dot_pair", "..\\/..\\/srv/x", TestName = "path.dot_dot_pair positive: mixed separators")]
    [TestCase("path.dot_dot_pair", "%u002e%u002e%u2215%u002e%u002e%u2215srv", TestName = "path.dot_dot_pair positive: %u escapes and division slash")]
    [TestCase("path.single_parent", "file=../secret.key", TestName = "path.single_parent positive: parameter opens with ../")]
    [TestCase("path.climb_to_sensitive", "..%c0%af..%c0%afetc%c0%afshadow", TestName = "path.climb_to_sensitive positive: overlong slash to shadow")]
    [TestCase("path.climb_to_sensitive", "../WEB-INF/web.xml", TestName = "path.climb_to_sensitive positive: servlet descriptor")]
    [TestCase("path.sensitive_file", "/proc/self/cmdline", TestName = "path.sensitive_file positive: proc entry")]
    [TestCase("path.sensitive_file", "doc=/var/log/nginx/error.log", TestName = "path.sensitive_file positive: log after parameter")]
    [TestCase("path.system_path", "/etc/myapp/settings", TestName = "path.system_path positive: file under etc")]
    [TestCase("path.system_path", "f=/opt/shop/conf/db.cnf", TestName = "path.system_path positive: config extension under opt")]
    [TestCase("path.system_path", "c:/xampp/tmp/run.log", TestName = "path.system_path positive: log under a server root")]
    [TestCase("path.windows_system_path", "C:\\Windows\\System32\\config\\SAM", TestName = "path.windows_system_path positive: SAM hive")]
    [TestCase("path.windows_system_path", "d:/inetpub/wwwroot/web.config", TestName = "path.windows_system_path positive: IIS config")]
    [TestCase("path.device_path", "\\\\?\\C:\\Windows\\win.ini", TestName = "path.device_path positive: Win32 device prefix")]
    [TestCase("path.device_path", "\\\\fileserver\\c$\\boot.ini", TestName = "path.device_path positive: admin share")]
    [TestCase("path.nul_truncation", "../../srv/app.conf%00.png", TestName = "path.nul_truncation positive: NUL before appended extension")]
    [TestCase("path.alternate_data_stream", "login.asp::$DATA", TestName = "path.alternate_data_stream positive: NTFS default stream")]
    [TestCase("path.stream_wrapper", "php://filter/read=string.rot13/resource=config", TestName = "path.stream_wrapper positive: php filter")]
    [TestCase("path.stream_wrapper", "zip://upload/avatar.jpg%23shell", TestName = "path.stream_wrapper positive: zip wrapper")]
    [TestCase("path.weak_stream_wrapper", "glob://*.conf", TestName = "path.weak_stream_wrapper positive: glob wrapper")]
    [TestCase("path.xml_external_target", "<!DOCTYPE a [<!ENTITY b SYSTEM \"file:///etc/group\">]><a>&b;</a>", TestName = "path.xml_external_target positive: file inside an entity")]
    public void Fires(string rule, string input) => RuleAssert.Fires(input, rule);

    [TestCase("See ../README.md for the details", TestName = "path.single_parent negative: relative link in prose")]
    [TestCase("Loading.../ please wait", TestName = "path.dot_dot_climb negative: ellipsis before a slash")]
    [TestCase("/api/v2/home/feed", TestName = "path.sensitive_file negative: home as an API segment")]
    [TestCase("/static/icons/home/logo.svg", TestName = "path.sensitive_file negative: home folder of assets")]
    [TestCase("/etc/hosts (Closes: #12)", TestName = "path.sensitive_file negative: path in a changelog sentence")]
    [TestCase("C:\\Users\\ann\\Documents\\notes.txt", TestName = "path.windows_system_path negative: user document")]
    [TestCase("/api/v1/settings.json", TestName = "path.system_path negative: API path")]
    [TestCase("/boot/loader.bundle.js", TestName = "path.system_path negative: script under a boot folder")]
    [TestCase("C:\\Program Files\\Tool\\tool.exe", TestName = "path.system_path negative: program binary")]
    [TestCase("ratio::$dataset", TestName = "path.alternate_data_stream negative: C++ scope")]
    public void Stays_benign(string input) => RuleAssert.Benign(input);

    [Test]
    public void Xml_document_is_typed_xxe_not_path() =>
        RuleAssert.Typed("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b SYSTEM \"file:///../../etc/passwd\">]><a>&b;</a>", ThreatCategory.Xxe);
}
