using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfiniteSecurity.Application.UnitTests.Siem;

/// <summary>
/// A small hand-written type schema: dotted field paths with a type (<c>string</c>, <c>integer</c>, <c>number</c>,
/// <c>boolean</c>, <c>string[]</c>, <c>object[]</c>), <c>!</c> for required. Every field an event carries must be
/// declared with its type, so a renamed or mistyped field fails, and so does a missing required one.
/// </summary>
internal static class TypeSchema
{
    public static Dictionary<string, string> Load(string file, params string[] sections)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Siem", "Schemas", file)))!.AsObject();
        return sections.SelectMany(s => root[s]!.AsObject()).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }

    public static List<string> Check(JsonObject json, Dictionary<string, string> schema)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>();
        Walk(json, string.Empty, schema, seen, problems);
        problems.AddRange(schema.Where(p => p.Value.EndsWith('!') && !seen.Contains(p.Key) && !IsUnderEmptyArray(p.Key, seen)).Select(p => $"{p.Key} missing"));
        return problems;
    }

    private static bool IsUnderEmptyArray(string path, HashSet<string> seen) =>
        path.Contains("[]", StringComparison.Ordinal) && seen.Contains(path[..path.IndexOf("[]", StringComparison.Ordinal)] + "#empty");

    private static void Walk(JsonObject json, string prefix, Dictionary<string, string> schema, HashSet<string> seen, List<string> problems)
    {
        foreach (var (key, value) in json)
        {
            var path = prefix + key;
            if (schema.TryGetValue(path, out var declared) && declared.TrimEnd('!') is var type && type != "object[]" && type != "object")
            {
                seen.Add(path);
                if (!Fits(value, type))
                {
                    problems.Add($"{path}: {value?.ToJsonString()} is not {type}");
                }

                continue;
            }

            switch (value)
            {
                case JsonObject inner when path == "unmapped" || schema.Keys.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal)):
                    Walk(inner, path + ".", schema, seen, problems);
                    break;
                case JsonArray array when declared?.TrimEnd('!') == "object[]":
                    seen.Add(path);
                    if (array.Count == 0)
                    {
                        seen.Add(path + "#empty");
                    }

                    foreach (var item in array)
                    {
                        if (item is JsonObject element)
                        {
                            Walk(element, path + "[].", schema, seen, problems);
                        }
                        else
                        {
                            problems.Add($"{path}: element is not an object");
                        }
                    }

                    break;
                default:
                    problems.Add($"{path} is not in the schema");
                    break;
            }
        }
    }

    private static bool Fits(JsonNode? value, string type) => type switch
    {
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.ToJsonString().All(c => char.IsDigit(c) || c == '-'),
        "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "string[]" => value is JsonArray a && a.All(i => i is JsonValue s && s.GetValueKind() == JsonValueKind.String),
        _ => false,
    };
}
