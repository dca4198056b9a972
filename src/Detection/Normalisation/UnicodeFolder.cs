using System.Text;

namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// Folds Unicode look-alikes to the ASCII syntax they stand in for: NFKC (full-width <c>＜script＞</c>, ligatures,
/// compatibility dots), a few slash/quote confusables NFKC keeps apart but lenient path and SQL parsers do not, and
/// removal of NUL and other C0 controls that C-based parsers treat as terminators or skip.
/// </summary>
internal static class UnicodeFolder
{
    public static string Fold(string s, out bool hadNul)
    {
        hadNul = false;
        var needs = false;
        foreach (var c in s)
        {
            if (c >= 0x80 || (c < 0x20 && c is not '\t' and not '\n' and not '\r'))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return s;
        }

        var normal = s;
        try
        {
            if (!s.IsNormalized(NormalizationForm.FormKC))
            {
                normal = s.Normalize(NormalizationForm.FormKC);
            }
        }
        catch (ArgumentException)
        {
            // Lone surrogates make the string un-normalisable; keep it as it is and fold what we can below.
            normal = s;
        }

        var sb = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            switch (c)
            {
                case '\0':
                    hadNul = true;
                    break;
                case < ' ' and not '\t' and not '\n' and not '\r':
                    break;
                case '\u2215' or '\u2044' or '\u29F8' or '\uEFC8' or '\uF025':
                    sb.Append('/');
                    break;
                case '\u2216' or '\u29F5' or '\u29F9':
                    sb.Append('\\');
                    break;
                case '\u2018' or '\u2019' or '\u02BC' or '\u2032':
                    sb.Append('\'');
                    break;
                case '\u201C' or '\u201D' or '\u2033':
                    sb.Append('"');
                    break;
                case '\u2329' or '\u3008' or '\u27E8':
                    sb.Append('<');
                    break;
                case '\u232A' or '\u3009' or '\u27E9':
                    sb.Append('>');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
