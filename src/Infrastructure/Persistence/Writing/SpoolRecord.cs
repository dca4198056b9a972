using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>One line of the spool: a threat and/or an audit event, serialised with every stored property.</summary>
internal sealed class SpoolRecord
{
    public Threat? Threat { get; init; }
    public AuditEvent? AuditEvent { get; init; }

    /// <summary>
    /// Entities keep private setters and a private constructor (domain invariants); the spool must still round-trip
    /// them exactly, ids included, so that replay is idempotent. This resolver lets System.Text.Json use them
    /// without putting serialisation attributes into the domain.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { IncludePrivateMembers } },
    };

    private static void IncludePrivateMembers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != typeof(Threat).Assembly)
        {
            return;
        }

        var ctor = info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);
        if (ctor is not null)
        {
            info.CreateObject = () => ctor.Invoke(null);
        }

        foreach (var property in info.Properties)
        {
            if (property.Set is null && info.Type.GetProperty(property.Name)?.GetSetMethod(nonPublic: true) is { } setter)
            {
                property.Set = (target, value) => setter.Invoke(target, [value]);
            }
        }
    }
}
