using System.Text;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>Seeded random inputs and random mutations of corpus attacks never make the engine throw.</summary>
[TestFixture]
public sealed class FuzzTests
{
    private const string Alphabet = "abcXYZ019 '\"`<>/\\;|&$(){}[]%#=*-+.:,@!?^~\t\n\r\0\u00A0\uFF1C\u2215\uD83D\uDE00\uD800";

    [Test]
    public void Random_strings_never_throw()
    {
        var random = new Random(1_234_567);
        var failures = new List<string>();
        for (var n = 0; n < 4_000; n++)
        {
            var length = random.Next(0, 300);
            var sb = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                sb.Append(random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : Alphabet[random.Next(Alphabet.Length)]);
            }

            TryAnalyze(sb.ToString(), failures);
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Random_mutations_of_corpus_attacks_never_throw()
    {
        var random = new Random(7_654_321);
        var attacks = TestCorpora.DevCorpus.Where(c => c.Label != "benign").Select(c => c.Input).ToArray();
        var failures = new List<string>();
        for (var n = 0; n < 4_000; n++)
        {
            var chars = new StringBuilder(attacks[random.Next(attacks.Length)]);
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits && chars.Length > 0; e++)
            {
                var at = random.Next(chars.Length);
                switch (random.Next(4))
                {
                    case 0:
                        chars.Remove(at, 1);
                        break;
                    case 1:
                        chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    case 2:
                        chars[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    default:
                        chars.Insert(at, chars.ToString(0, Math.Min(chars.Length, random.Next(1, 20))));
                        break;
                }
            }

            TryAnalyze(chars.ToString(), failures);
        }

        Assert.That(failures, Is.Empty);
    }

    private static void TryAnalyze(string input, List<string> failures)
    {
        try
        {
            var analysis = AnalyzerFactory.Shared.Analyze(input);
            if (analysis.Confidence is < 0 or > 1 || analysis.RiskScore is < 0 or > 99)
            {
                failures.Add($"out-of-range verdict for {input.Length} chars");
            }
        }
        catch (Exception ex) when (failures.Count < 20)
        {
            failures.Add($"{ex.GetType().Name}: {ex.Message} for input {System.Text.Json.JsonSerializer.Serialize(input)}");
        }
    }
}
