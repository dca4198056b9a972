using System.Text.Json;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>
/// Locates and loads the labelled corpora: the shared development corpus next to the repository
/// (<c>../shared/corpus/dev.jsonl</c> and <c>dev-more.jsonl</c> relative to the folder holding InfiniteSecurity.sln)
/// and the project's own technique cases under <c>Data</c>.
/// </summary>
public static class TestCorpora
{
    private static readonly Lazy<IReadOnlyList<LabelledInput>> Dev = new(() => Load(DevCorpusPath()));
    private static readonly Lazy<IReadOnlyList<LabelledInput>> All = new(() => [.. Dev.Value, .. Load(DevCorpusPath("dev-more.jsonl"))]);
    private static readonly Lazy<IReadOnlyList<LabelledInput>> Techniques = new(() => Load(Path.Combine(AppContext.BaseDirectory, "Data", "techniques.jsonl")));

    /// <summary><c>dev.jsonl</c>: the first-round sources and all benign text.</summary>
    public static IReadOnlyList<LabelledInput> DevCorpus => Dev.Value;

    /// <summary><c>dev.jsonl</c> and <c>dev-more.jsonl</c> together: every development source.</summary>
    public static IReadOnlyList<LabelledInput> AllDevCorpora => All.Value;

    public static IReadOnlyList<LabelledInput> TechniqueCases => Techniques.Value;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfiniteSecurity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"InfiniteSecurity.sln not found above {AppContext.BaseDirectory}.");
    }

    public static string DevCorpusPath(string file = "dev.jsonl")
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus", file));
        if (!File.Exists(path))
        {
            Assert.Fail($"The development corpus is missing: expected it at {path} (../shared/corpus/{file} next to the repository).");
        }

        return path;
    }

    public static IReadOnlyList<LabelledInput> Load(string path)
    {
        var list = new List<LabelledInput>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var input = doc.RootElement.GetProperty("input").GetString() ?? string.Empty;
            var label = doc.RootElement.GetProperty("label").GetString() ?? "benign";
            var source = doc.RootElement.TryGetProperty("source", out var s) ? s.GetString() ?? string.Empty : string.Empty;
            list.Add(new LabelledInput(input, label, source));
        }

        return list;
    }
}
