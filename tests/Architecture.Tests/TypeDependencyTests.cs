using System.Reflection;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Infrastructure.Persistence;
using MediatR;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace InfiniteSecurity.Architecture.Tests;

/// <summary>
/// The dependency rule at the level of types (NetArchTest reads every type's signatures and method bodies), where
/// <see cref="LayerDependencyTests"/> checks assembly references. A failing rule names the offending types.
/// </summary>
public sealed class TypeDependencyTests
{
    private static readonly Assembly Domain = typeof(Threat).Assembly;
    private static readonly Assembly Application = typeof(IAppDbContext).Assembly;
    private static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;
    private static readonly Assembly WebApi = typeof(Program).Assembly;

    /// <summary>The start-up code that composes the layers: the only web types allowed to name infrastructure.</summary>
    private static readonly string[] WebComposition = ["Program", "DependencyInjection", "AuthenticationSetup", "BootstrapAdmin"];

    private static void AssertHolds(TestResult result) =>
        Assert.That(result.FailingTypeNames ?? [], Is.Empty, "types breaking the rule");

    [Test]
    public void Domain_types_depend_on_no_outer_layer_and_no_framework() =>
        AssertHolds(Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("InfiniteSecurity.Application", "InfiniteSecurity.Infrastructure", "InfiniteSecurity.WebApi",
                "Microsoft.EntityFrameworkCore", "MediatR", "Microsoft.AspNetCore")
            .GetResult());

    [Test]
    public void Application_types_depend_on_neither_infrastructure_nor_web() =>
        AssertHolds(Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("InfiniteSecurity.Infrastructure", "InfiniteSecurity.WebApi", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Npgsql")
            .GetResult());

    [Test]
    public void Infrastructure_types_do_not_depend_on_the_web_layer() =>
        AssertHolds(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("InfiniteSecurity.WebApi").GetResult());

    [Test]
    public void Web_types_use_no_infrastructure_type_outside_composition()
    {
        var outsideComposition = Types.InAssembly(WebApi).That().DoNotHaveName(WebComposition);

        AssertHolds(outsideComposition.ShouldNot().HaveDependencyOn("InfiniteSecurity.Infrastructure").GetResult());
    }

    [Test]
    public void Only_composition_types_name_infrastructure_and_the_reader_sees_them()
    {
        var dependents = Types.InAssembly(WebApi).That().HaveDependencyOn("InfiniteSecurity.Infrastructure").GetTypes().Select(t => t.Name).ToArray();

        Assert.That(dependents, Is.Not.Empty.And.SubsetOf(WebComposition));
    }

    [Test]
    public void Controllers_depend_on_mediator_contracts_not_on_data_access() =>
        AssertHolds(Types.InAssembly(WebApi).That().HaveNameEndingWith("Controller").ShouldNot()
            .HaveDependencyOnAny("InfiniteSecurity.Infrastructure", "Microsoft.EntityFrameworkCore")
            .GetResult());

    [Test]
    public void Request_handlers_are_internal_and_sealed() =>
        AssertHolds(Types.InAssembly(Application).That().ImplementInterface(typeof(IRequestHandler<,>))
            .Should().NotBePublic().And().BeSealed().GetResult());

    /// <summary>
    /// A use case that catches an ORM exception knows how the ORM reports a race; the persistence layer translates
    /// those into the application's own <c>WriteConflictException</c>. Read from the IL: catch clauses and filters.
    /// </summary>
    [Test]
    public void Application_catches_no_entity_framework_exception_type()
    {
        using var module = ModuleDefinition.ReadModule(Application.Location);
        var catches = module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .SelectMany(m => m.Body.ExceptionHandlers.Where(h => h.HandlerType == ExceptionHandlerType.Catch && h.CatchType is not null)
                .Select(h => (Method: $"{m.DeclaringType.FullName}.{m.Name}", Caught: h.CatchType.FullName)))
            .ToArray();

        Assert.That(catches, Is.Not.Empty, "the reader must see the catch clauses that do exist");
        Assert.That(catches.Where(c => c.Caught.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).Select(c => $"{c.Method} catches {c.Caught}"), Is.Empty);
    }

    [Test]
    public void Application_does_not_test_for_entity_framework_exceptions_in_filters_either()
    {
        using var module = ModuleDefinition.ReadModule(Application.Location);
        var typeTests = module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions
                .Where(i => i.OpCode == OpCodes.Isinst && i.Operand is TypeReference r && r.FullName.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && r.Name.EndsWith("Exception", StringComparison.Ordinal))
                .Select(i => $"{m.DeclaringType.FullName}.{m.Name} tests for {((TypeReference)i.Operand).FullName}"))
            .ToArray();

        Assert.That(typeTests, Is.Empty);
    }
}
