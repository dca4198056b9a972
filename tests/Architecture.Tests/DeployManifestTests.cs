using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace InfiniteSecurity.Architecture.Tests;

/// <summary>
/// The deployment files (deploy/) against the service they deploy: every manifest parses, ports and probe paths are
/// the ones the service serves, every environment variable is a setting the service reads (from its options classes,
/// appsettings.json and the few keys read directly), secrets are referenced, never inlined, and nothing runs as root.
/// </summary>
public sealed class DeployManifestTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string Deploy = Path.Combine(Root, "deploy");

    /// <summary>Keys the service reads without an options class, each with the source text that reads it.</summary>
    private static readonly Dictionary<string, string> DirectKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ConnectionStrings:Default"] = "GetConnectionString(\"Default\")",
        ["DataProtection:KeysDirectory"] = "\"DataProtection:KeysDirectory\"",
        ["DataProtection:CertificatePath"] = "\"DataProtection:CertificatePath\"",
        ["DataProtection:CertificatePassword"] = "\"DataProtection:CertificatePassword\"",
        ["DataDirectory"] = "\"DataDirectory\"",
        ["ForwardedHeaders:KnownProxies"] = "GetSection(\"KnownProxies\")",
        ["AutoMapper:LicenseKey"] = "\"AutoMapper:LicenseKey\"",
    };

    /// <summary>Read by ASP.NET Core itself.</summary>
    private static readonly string[] HostKeys = ["ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT"];

    private static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(Deploy, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f))
            .Order(StringComparer.Ordinal);

    private static List<YamlMappingNode> Documents(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, relativePath));
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static List<YamlMappingNode> Kubernetes(string kind) =>
        Directory.EnumerateFiles(Path.Combine(Deploy, "k8s"), "*.yaml").SelectMany(f => Documents(Path.GetRelativePath(Root, f)))
            .Where(d => Scalar(d, "kind") == kind).ToList();

    private static YamlNode? Get(YamlNode node, params string[] path)
    {
        foreach (var step in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(step), out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    private static string? Scalar(YamlNode node, params string[] path) => (Get(node, path) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlMappingNode> Items(YamlNode node, params string[] path) =>
        (Get(node, path) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    private static IEnumerable<YamlMappingNode> PodSpecs() =>
        Kubernetes("Deployment").Concat(Kubernetes("Job")).Select(w => (YamlMappingNode)Get(w, "spec", "template", "spec")!);

    [TestCaseSource(nameof(YamlFiles))]
    public void Every_deploy_yaml_file_parses(string relativePath)
    {
        Assert.That(Documents(relativePath), Is.Not.Empty);
    }

    [Test]
    public void The_kubernetes_manifests_cover_the_whole_deployment()
    {
        string[] kinds = ["Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Job", "ConfigMap", "Secret"];

        Assert.That(kinds.Where(k => Kubernetes(k).Count == 0), Is.Empty);
    }

    [Test]
    public void The_container_ports_are_the_api_and_metrics_ports_the_configuration_sets()
    {
        var config = (YamlMappingNode)Get(Kubernetes("ConfigMap").Single(), "data")!;
        var container = Items(Kubernetes("Deployment").Single(), "spec", "template", "spec", "containers").Single();
        var ports = Items(container, "ports").ToDictionary(p => Scalar(p, "name")!, p => int.Parse(Scalar(p, "containerPort")!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(Scalar(config, "ASPNETCORE_URLS"), Does.EndWith($":{ports["http"]}"));
        Assert.That(Scalar(config, "Metrics__Port"), Is.EqualTo(ports["metrics"].ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var service = Kubernetes("Service").Single();
        Assert.That(Items(service, "spec", "ports").Select(p => Scalar(p, "targetPort")), Is.SubsetOf(ports.Keys));

        var policyPorts = Items(Kubernetes("NetworkPolicy").Single(), "spec", "ingress").SelectMany(r => Items(r, "ports")).Select(p => Scalar(p, "port"));
        Assert.That(policyPorts, Is.EquivalentTo(ports.Values.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var targets = File.ReadAllText(Path.Combine(Deploy, "compose", "prometheus", "prometheus.yml"));
        Assert.That(Regex.Matches(targets, @"api-\w:(\d+)").Select(m => m.Groups[1].Value), Is.Not.Empty.And.All.EqualTo("9464"));
    }

    [Test]
    public void The_probes_ask_the_health_endpoints_the_service_maps_on_the_api_port()
    {
        var program = File.ReadAllText(Path.Combine(Root, "src", "WebApi", "Program.cs"));
        var container = Items(Kubernetes("Deployment").Single(), "spec", "template", "spec", "containers").Single();

        foreach (var (probe, path) in new[] { ("startupProbe", "/health/live"), ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
        {
            Assert.That(Scalar(container, probe, "httpGet", "path"), Is.EqualTo(path), probe);
            Assert.That(Scalar(container, probe, "httpGet", "port"), Is.EqualTo("http"), probe);
            Assert.That(program, Does.Contain($"MapHealthChecks(\"{path}\""));
        }

        Assert.That(Get(container, "resources", "requests"), Is.Not.Null);
        Assert.That(Get(container, "resources", "limits"), Is.Not.Null);
    }

    [Test]
    public void Nothing_runs_as_root_and_the_root_filesystem_is_read_only()
    {
        foreach (var pod in PodSpecs())
        {
            Assert.That(Scalar(pod, "securityContext", "runAsNonRoot"), Is.EqualTo("true"));
            Assert.That(Scalar(pod, "securityContext", "runAsUser"), Is.Not.Null.And.Not.EqualTo("0"));
            foreach (var container in Items(pod, "containers"))
            {
                Assert.That(Scalar(container, "securityContext", "readOnlyRootFilesystem"), Is.EqualTo("true"), Scalar(container, "name"));
                Assert.That(Scalar(container, "securityContext", "allowPrivilegeEscalation"), Is.EqualTo("false"), Scalar(container, "name"));
            }
        }

        var dockerfile = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile"));
        var user = dockerfile.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.That(user, Does.Not.Contain("root").And.Not.Match(@"USER 0\b"));
        Assert.That(dockerfile, Has.Some.StartsWith("HEALTHCHECK"));
        Assert.That(string.Join('\n', dockerfile), Does.Contain("/health/live").And.Contain("EXPOSE 8000 9464"));

        var compose = Documents(Path.Combine("deploy", "docker-compose.yml")).Single();
        foreach (var api in new[] { "api-a", "api-b" })
        {
            Assert.That(Get(compose, "services", api), Is.Not.Null, api);
        }

        Assert.That(Scalar(compose, "x-api", "read_only"), Is.EqualTo("true"));
    }

    [Test]
    public void Secrets_are_referenced_from_the_secret_and_never_written_into_the_workloads()
    {
        var secret = Kubernetes("Secret").Single();
        var secretKeys = ((YamlMappingNode)Get(secret, "stringData")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
        var config = ((YamlMappingNode)Get(Kubernetes("ConfigMap").Single(), "data")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

        foreach (var pod in PodSpecs())
        {
            foreach (var env in Items(pod, "containers").SelectMany(c => Items(c, "env")))
            {
                var name = Scalar(env, "name")!;
                Assert.That(Scalar(env, "value"), Is.Null, $"{name} must come from the Secret or the ConfigMap");
                Assert.That(Scalar(env, "valueFrom", "secretKeyRef", "name"), Is.EqualTo(Scalar(secret, "metadata", "name")), name);
                Assert.That(secretKeys, Does.Contain(Scalar(env, "valueFrom", "secretKeyRef", "key")), name);
            }
        }

        Assert.That(config.Where(k => k.Contains("SigningKey", StringComparison.OrdinalIgnoreCase) || k.Contains("Password", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void The_migration_job_runs_the_service_in_its_migrate_only_mode()
    {
        var job = Kubernetes("Job").Single();
        var container = Items(job, "spec", "template", "spec", "containers").Single();
        var args = ((YamlSequenceNode)Get(container, "args")!).Children.Select(a => ((YamlScalarNode)a).Value);

        Assert.That(args, Has.Member("--migrate-only"));
        Assert.That(File.ReadAllText(Path.Combine(Root, "src", "WebApi", "Program.cs")), Does.Contain("\"--migrate-only\""));
    }

    [Test]
    public void Every_environment_variable_of_the_deployment_is_a_setting_the_service_reads()
    {
        var names = new List<string>();
        names.AddRange(((YamlMappingNode)Get(Kubernetes("ConfigMap").Single(), "data")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        names.AddRange(PodSpecs().SelectMany(p => Items(p, "containers")).SelectMany(c => Items(c, "env")).Select(e => Scalar(e, "name")!));
        var compose = Documents(Path.Combine("deploy", "docker-compose.yml")).Single();
        names.AddRange(((YamlMappingNode)Get(compose, "x-api", "environment")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        names.AddRange(File.ReadAllLines(Path.Combine(Deploy, "Dockerfile"))
            .SelectMany(l => Regex.Matches(l, @"(?:ENV\s+|^\s+)(\w+)=").Select(m => m.Groups[1].Value)));

        var (exact, collections) = KnownKeys();
        var unknown = names.Distinct().Where(name =>
        {
            if (HostKeys.Contains(name, StringComparer.Ordinal))
            {
                return false;
            }

            var key = name.Replace("__", ":", StringComparison.Ordinal);
            var withoutIndex = Regex.Replace(key, @"(:\d+)+$", string.Empty);
            return !exact.Contains(key) && !collections.Contains(withoutIndex);
        });

        Assert.That(names, Is.Not.Empty);
        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public void The_directly_read_keys_the_contract_allows_are_still_read_by_the_source()
    {
        var source = string.Join('\n', Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        Assert.That(DirectKeys.Where(k => !source.Contains(k.Value, StringComparison.Ordinal)).Select(k => k.Key), Is.Empty);
    }

    /// <summary>Configuration keys from every options class with a SectionName, appsettings.json and the direct keys.</summary>
    private static (HashSet<string> Exact, HashSet<string> Collections) KnownKeys()
    {
        var exact = new HashSet<string>(DirectKeys.Keys, StringComparer.OrdinalIgnoreCase);
        var collections = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ForwardedHeaders:KnownProxies" };
        Assembly[] assemblies = [typeof(Program).Assembly, typeof(Application.DependencyInjection).Assembly, typeof(Infrastructure.DependencyInjection).Assembly];
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is string section)
            {
                AddProperties(type, section, exact, collections, depth: 0);
            }
        }

        using var appsettings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src", "WebApi", "appsettings.json")));
        AddJson(appsettings.RootElement, null, exact);
        return (exact, collections);
    }

    private static void AddProperties(Type type, string prefix, HashSet<string> exact, HashSet<string> collections, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsPrimitive || propertyType.IsEnum || propertyType == typeof(string) || propertyType == typeof(decimal) || propertyType == typeof(TimeSpan))
            {
                exact.Add(key);
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                collections.Add(key);
            }
            else if (propertyType.IsClass && depth < 4)
            {
                AddProperties(propertyType, key, exact, collections, depth + 1);
            }
        }
    }

    private static void AddJson(System.Text.Json.JsonElement element, string? prefix, HashSet<string> exact)
    {
        if (element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            exact.Add(prefix!);
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            AddJson(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", exact);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InfiniteSecurity.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
