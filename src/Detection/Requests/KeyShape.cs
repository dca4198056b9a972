using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// Property and parameter names that only an attack sends: a MongoDB query operator as a key (<c>$ne</c>,
/// <c>$where</c>) turns a value into a query; <c>__proto__</c> or <c>constructor.prototype</c> as a key reaches the
/// object prototype when the document is merged. The engine sees such a name alone as a plain word; knowing it is
/// a key is what makes it an attack.
/// </summary>
internal static class KeyShape
{
    public static string OperatorRuleId => RequestRules.OperatorKey.Id;

    public static string PrototypeRuleId => RequestRules.PrototypeKey.Id;

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "$ne", "$eq", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists", "$regex", "$where", "$expr", "$or",
        "$and", "$not", "$nor", "$elemMatch", "$function", "$accumulator", "$jsonSchema", "$size", "$type", "$all",
        "$mod", "$text", "$lookup", "$merge", "$out", "$set", "$unset",
    };

    public static Finding? Check(RequestValue value, LocationClass location, IRuleWeights weights)
    {
        if (location is not (LocationClass.JsonKey or LocationClass.ParameterKey))
        {
            return null;
        }

        var name = value.Value;
        if (location == LocationClass.ParameterKey)
        {
            // user[$ne], user[__proto__][admin]: the bracketed parts are the keys.
            foreach (var part in name.Split('[', ']', '.'))
            {
                if (Of(part, value.Location, weights) is { } f)
                {
                    return f;
                }
            }

            return null;
        }

        return Of(name, value.Location, weights);
    }

    private static Finding? Of(string key, string location, IRuleWeights weights)
    {
        if (Operators.Contains(key))
        {
            return RequestRules.Finding(RequestRules.OperatorKey, weights, key, 0, key.Length);
        }

        var prototype = key == "__proto__" || (key == "prototype" && location.Contains("constructor", StringComparison.Ordinal));
        return prototype
            ? RequestRules.Finding(RequestRules.PrototypeKey, weights, key, 0, key.Length)
            : null;
    }
}
