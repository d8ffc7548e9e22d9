using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Einsum: labels of the equation name dims; the output lists the explicit labels after '->', or (implicit
/// form) the broadcast ellipsis dims followed by the labels used once, in alphabetical order.
/// </summary>
internal sealed class EinsumShapeRule : IShapeRule
{
    private const char Ellipsis = '.';

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Einsum" };

    public void Infer(ShapeContext context)
    {
        var equation = context.Attributes.GetString("equation", "").Replace(" ", "", StringComparison.Ordinal);
        var arrow = equation.IndexOf("->", StringComparison.Ordinal);
        var terms = (arrow < 0 ? equation : equation[..arrow]).Split(',').Select(Labels).ToList();
        if (terms.Count != context.InputCount)
        {
            throw context.Invalid($"equation '{UserText.Quote(equation)}' has {terms.Count} operands but the node has {context.InputCount} inputs");
        }

        var sizes = new Dictionary<char, Dim>();
        var ellipses = new List<TensorShape>();
        for (int i = 0; i < terms.Count; i++)
        {
            var shape = context.RequireShape(i);
            var term = terms[i];
            int spread = shape.Rank - term.Count(c => c != Ellipsis);
            if (spread < 0 || (spread > 0 && !term.Contains(Ellipsis)))
            {
                throw context.Invalid($"term '{UserText.Quote(new string(term.ToArray()))}' does not fit input {i} of shape {shape}");
            }

            int position = 0;
            foreach (var label in term)
            {
                if (label == Ellipsis)
                {
                    ellipses.Add(new TensorShape(shape.Skip(position).Take(spread)));
                    position += spread;
                    continue;
                }

                var dim = shape[position++];
                sizes[label] = sizes.TryGetValue(label, out var seen) ? Unify(context, label, seen, dim) : dim;
            }
        }

        var broadcast = ShapeMath.Broadcast(context, ellipses);
        var output = arrow >= 0
            ? Labels(equation[(arrow + 2)..])
            : (ellipses.Count > 0 ? new List<char> { Ellipsis } : new List<char>())
                .Concat(terms.SelectMany(t => t).Where(c => c != Ellipsis).GroupBy(c => c).Where(g => g.Count() == 1)
                    .Select(g => g.Key).OrderBy(c => c)).ToList();
        var dims = new List<Dim>();
        foreach (var label in output)
        {
            if (label == Ellipsis)
            {
                dims.AddRange(broadcast);
            }
            else
            {
                dims.Add(sizes.TryGetValue(label, out var dim) ? dim : throw context.Invalid($"output label '{UserText.Quote(label.ToString())}' is not in any input"));
            }
        }

        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(dims));
    }

    /// <summary>The labels of one term, with "..." as a single <see cref="Ellipsis"/>.</summary>
    private static List<char> Labels(string term)
    {
        var labels = term.Replace("...", ".", StringComparison.Ordinal).ToList();
        return labels.All(c => c == Ellipsis || char.IsAsciiLetter(c))
            ? labels
            : throw new ArgumentException($"'{UserText.Quote(term)}' is not a valid einsum term");
    }

    private static Dim Unify(ShapeContext context, char label, Dim a, Dim b)
    {
        if (a.IsKnown && b.IsKnown && a.Value != b.Value)
        {
            return a.Value == 1 ? b : b.Value == 1 ? a : throw context.Invalid($"label '{UserText.Quote(label.ToString())}' stands for both {a.Value} and {b.Value}");
        }

        return a.IsKnown ? a : b;
    }
}
