using System.Text.Json;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>
/// Locates and loads the labelled corpora: the shared development corpus next to the repository
/// (<c>../shared/corpus/dev.jsonl</c> relative to the folder holding InfiniteSecurity.sln) and the project's own
/// technique cases under <c>Data</c>.
/// </summary>
public static class TestCorpora
{
    private static readonly Lazy<IReadOnlyList<LabelledInput>> Dev = new(() => Load(DevCorpusPath()));
    private static readonly Lazy<IReadOnlyList<LabelledInput>> Techniques = new(() => Load(Path.Combine(AppContext.BaseDirectory, "Data", "techniques.jsonl")));

    public static IReadOnlyList<LabelledInput> DevCorpus => Dev.Value;

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

    public static string DevCorpusPath()
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "dev.jsonl"));
        if (!File.Exists(path))
        {
            Assert.Fail($"The development corpus is missing: expected it at {path} (../shared/corpus/dev.jsonl next to the repository).");
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
            list.Add(new LabelledInput(input, label));
        }

        return list;
    }
}
