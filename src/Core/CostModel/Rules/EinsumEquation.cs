using EfficiencyMisnomer.Diagnostics;
namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// A parsed Einsum equation: one term per operand and the output term, each a string of labels in which
/// <see cref="Ellipsis"/> stands for <c>...</c>. In implicit form (no <c>-&gt;</c>) the output is the
/// labels that occur exactly once, in alphabetical (ordinal) order, after the ellipsis when there is one.
/// </summary>
internal sealed record EinsumEquation(IReadOnlyList<string> Inputs, string Output)
{
    public const char Ellipsis = '.';

    public static EinsumEquation Parse(string equation)
    {
        var text = string.Concat(equation.Where(c => !char.IsWhiteSpace(c)));
        var arrow = text.IndexOf("->", StringComparison.Ordinal);
        var inputs = (arrow < 0 ? text : text[..arrow]).Split(',').Select(t => Term(t, equation)).ToArray();
        var output = arrow < 0 ? ImplicitOutput(inputs) : Term(text[(arrow + 2)..], equation);
        return new EinsumEquation(inputs, output);
    }

    /// <summary>Whether some label, or the ellipsis, is summed over because the output lacks it.</summary>
    public bool HasContraction => Inputs.SelectMany(t => t).Any(label => !Output.Contains(label, StringComparison.Ordinal));

    private static string Term(string term, string equation)
    {
        var labels = term.Replace("...", Ellipsis.ToString(), StringComparison.Ordinal);
        if (labels.Count(c => c == Ellipsis) > 1 || labels.Any(c => c != Ellipsis && !char.IsAsciiLetter(c)))
        {
            throw new ArgumentException($"Einsum equation '{UserText.Quote(equation)}' has a malformed term '{UserText.Quote(term)}'.");
        }

        return labels;
    }

    private static string ImplicitOutput(IReadOnlyList<string> inputs)
    {
        var once = inputs.SelectMany(t => t).Where(c => c != Ellipsis).GroupBy(c => c)
            .Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(c => c);
        var ellipsis = inputs.Any(t => t.Contains(Ellipsis, StringComparison.Ordinal)) ? Ellipsis.ToString() : string.Empty;
        return ellipsis + string.Concat(once);
    }
}
