using System.Reflection;
using System.Text.RegularExpressions;
using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.Architecture.Tests;

/// <summary>
/// A controller's API version comes from its namespace (<c>Controllers.V2</c> → 2) and its route spells the same
/// version out (<c>api/v2/...</c>); the two must never disagree, or a v2 action would answer under /api/v1.
/// </summary>
public sealed partial class ControllerRouteTests
{
    private static readonly Type[] Controllers = typeof(Program).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && typeof(ControllerBase).IsAssignableFrom(t))
        .ToArray();

    [GeneratedRegex(@"\.Controllers\.V(?<v>\d+)$")]
    private static partial Regex VersionedNamespace();

    [GeneratedRegex(@"^api/v(?<v>\d+)/")]
    private static partial Regex VersionedRoute();

    [Test]
    public void There_are_controllers_in_versioned_namespaces() =>
        Assert.That(Controllers.Count(c => VersionedNamespace().IsMatch(c.Namespace ?? "")), Is.GreaterThan(5));

    [Test]
    public void Every_versioned_controller_route_names_the_version_of_its_namespace()
    {
        var wrong = new List<string>();
        foreach (var controller in Controllers.Where(c => c.GetCustomAttribute<ApiVersionNeutralAttribute>() is null))
        {
            var ns = VersionedNamespace().Match(controller.Namespace ?? "");
            var route = controller.GetCustomAttribute<RouteAttribute>()?.Template ?? "";
            var routed = VersionedRoute().Match(route);
            if (!ns.Success || !routed.Success || ns.Groups["v"].Value != routed.Groups["v"].Value)
            {
                wrong.Add($"{controller.FullName}: route '{route}'");
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void No_route_uses_the_api_version_route_constraint()
    {
        var templates = Controllers
            .SelectMany(c => new[] { c.GetCustomAttribute<RouteAttribute>()?.Template }
                .Concat(c.GetMethods().SelectMany(m => m.GetCustomAttributes<Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute>().Select(a => a.Template))))
            .Where(t => t is not null);

        Assert.That(templates, Has.None.Contains("apiVersion"));
    }
}
