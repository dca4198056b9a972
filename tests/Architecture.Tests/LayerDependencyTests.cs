using System.Reflection;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Infrastructure.Persistence;

namespace InfiniteSecurity.Architecture.Tests;

/// <summary>
/// Clean Architecture's dependency rule, checked on the compiled assemblies. Each assembly is taken from a type that
/// lives in it, and the test first proves it holds the assembly it means to test (a known trap of such tests).
/// </summary>
public sealed class LayerDependencyTests
{
    private static readonly Assembly Detection = typeof(ThreatAnalyzer).Assembly;
    private static readonly Assembly Domain = typeof(Threat).Assembly;
    private static readonly Assembly Application = typeof(IAppDbContext).Assembly;
    private static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;
    private static readonly Assembly WebApi = typeof(Program).Assembly;

    private static string[] References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Test]
    public void The_assemblies_under_test_are_the_layers_they_claim_to_be()
    {
        Assert.That(new[] { Detection, Domain, Application, Infrastructure, WebApi }.Select(a => a.GetName().Name), Is.EqualTo(new[]
        {
            "InfiniteSecurity.Detection", "InfiniteSecurity.Domain", "InfiniteSecurity.Application", "InfiniteSecurity.Infrastructure", "InfiniteSecurity.WebApi",
        }));
    }

    private static bool IsBaseLibrary(string name) =>
        name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal);

    [Test]
    public void Detection_references_no_project_of_ours_and_no_framework_beyond_the_base_library()
    {
        var offending = References(Detection).Where(r => !IsBaseLibrary(r)).ToArray();

        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void Detection_declares_no_entity_and_no_type_outside_its_namespace()
    {
        var types = Detection.GetTypes().Where(t => t.Namespace is not null && !t.Name.StartsWith('<')).ToArray();

        Assert.That(types, Is.Not.Empty);
        Assert.That(types.Where(t => !t.Namespace!.StartsWith("InfiniteSecurity.Detection", StringComparison.Ordinal)), Is.Empty);
        Assert.That(types.Where(t => t.GetProperty("Id")?.PropertyType == typeof(Guid)), Is.Empty, "entities (Guid identity) belong to Domain");
    }

    [Test]
    public void Domain_references_only_the_base_library_and_the_detection_engine()
    {
        var offending = References(Domain).Where(r => !IsBaseLibrary(r) && r != "InfiniteSecurity.Detection").ToArray();

        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void Application_references_neither_infrastructure_nor_web()
    {
        var references = References(Application);

        Assert.That(references, Has.None.EqualTo("InfiniteSecurity.Infrastructure"));
        Assert.That(references, Has.None.EqualTo("InfiniteSecurity.WebApi"));
        Assert.That(references, Has.None.StartsWith("Microsoft.AspNetCore"));
        Assert.That(references, Has.Some.EqualTo("InfiniteSecurity.Domain"));
    }

    [Test]
    public void Infrastructure_does_not_reference_the_web_layer() =>
        Assert.That(References(Infrastructure), Has.None.EqualTo("InfiniteSecurity.WebApi"));

    [Test]
    public void Domain_entities_have_no_public_setters()
    {
        var publicSetters = Domain.GetTypes()
            .Where(IsEntity)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.SetMethod is { IsPublic: true })
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToArray();

        Assert.That(publicSetters, Is.Empty);
    }

    /// <summary>Entities: classes with identity and state (not records, exceptions, static helpers or the pure engine).</summary>
    private static bool IsEntity(Type t) =>
        t is { IsClass: true, IsAbstract: false, IsPublic: true }
        && !typeof(Exception).IsAssignableFrom(t)
        && t.GetMethod("<Clone>$") is null
        && t.GetProperty("Id") is not null
        && t.Namespace is { } ns && !ns.Contains(".Detection", StringComparison.Ordinal);

    [Test]
    public void The_entity_rule_sees_the_four_core_entities()
    {
        Assert.That(Domain.GetTypes().Where(IsEntity).Select(t => t.Name), Is.SupersetOf(new[] { "Threat", "User", "Session", "AuditEvent" }));
    }
}
