using System.Reflection;
using InfiniteSecurity.AspNetCore;

namespace InfiniteSecurity.Architecture.Tests;

/// <summary>
/// The middleware runs inside customers' apps: of ours it may carry only the detection engine, never the service's
/// layers (their EF Core, Identity and MediatR would come along into every app that protects itself).
/// </summary>
public sealed class AspNetCoreMiddlewareDependencyTests
{
    private static readonly Assembly Middleware = typeof(ThreatDetectionOptions).Assembly;

    private static string[] OurReferences() => Middleware.GetReferencedAssemblies()
        .Select(a => a.Name!)
        .Where(n => n.StartsWith("InfiniteSecurity", StringComparison.Ordinal))
        .ToArray();

    [Test]
    public void The_assembly_under_test_is_the_middleware() =>
        Assert.That(Middleware.GetName().Name, Is.EqualTo("InfiniteSecurity.AspNetCore"));

    [Test]
    public void The_middleware_references_the_detection_engine_and_no_other_project_of_ours()
    {
        Assert.That(OurReferences(), Is.EqualTo(new[] { "InfiniteSecurity.Detection" }));
    }

    [TestCase("InfiniteSecurity.Domain")]
    [TestCase("InfiniteSecurity.Application")]
    [TestCase("InfiniteSecurity.Infrastructure")]
    [TestCase("InfiniteSecurity.WebApi")]
    public void The_middleware_does_not_reference_a_layer_of_the_service(string layer) =>
        Assert.That(OurReferences(), Has.None.EqualTo(layer));

    [Test]
    public void The_middleware_declares_its_types_in_its_own_namespace_or_the_framework_extension_namespaces()
    {
        var namespaces = Middleware.GetTypes().Where(t => t.Namespace is not null && !t.Name.StartsWith('<')).Select(t => t.Namespace!).Distinct().ToArray();

        Assert.That(namespaces.Where(n => !n.StartsWith("InfiniteSecurity.AspNetCore", StringComparison.Ordinal)),
            Is.SubsetOf(new[] { "Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Builder" }));
    }
}
