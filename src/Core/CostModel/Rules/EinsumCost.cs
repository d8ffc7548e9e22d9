namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Einsum, costed on its iteration space: the product of the sizes of all distinct labels (the ellipsis
/// counting as its broadcast dims). With two or more operands and a summed label it is a contraction:
/// one MAC per point of the space. A single operand with a summed label is a reduction (one add per
/// point); without a summed label it is an elementwise product, <c>(operands − 1)</c> multiplies per
/// output element, or a pure transpose or diagonal for one operand.
/// </summary>
internal sealed class EinsumCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Einsum" };

    public OperatorCost Cost(CostContext context)
    {
        var equation = EinsumEquation.Parse(context.Attributes.GetString("equation", string.Empty));
        var sizes = new Dictionary<char, long>();
        var ellipsis = Array.Empty<long>();
        for (int i = 0; i < equation.Inputs.Count; i++)
        {
            var term = equation.Inputs[i];
            var dims = context.InputDims(i);
            var ellipsisRank = Math.Max(0, dims.Length - term.Count(c => c != EinsumEquation.Ellipsis));
            int position = 0;
            foreach (var label in term)
            {
                if (label == EinsumEquation.Ellipsis)
                {
                    if (ellipsisRank > 0)
                    {
                        ellipsis = DimArithmetic.Broadcast(ellipsis, dims[position..(position + ellipsisRank)]);
                    }

                    position += ellipsisRank;
                    continue;
                }

                var size = position < dims.Length ? dims[position] : 1;
                sizes[label] = sizes.TryGetValue(label, out var known) ? Math.Max(known, size) : size;
                position++;
            }
        }

        var space = checked(DimArithmetic.Product(sizes.Values.ToArray()) * DimArithmetic.Product(ellipsis));
        var operands = equation.Inputs.Count;
        if (equation.HasContraction)
        {
            return operands >= 2 ? OperatorCost.Linear(space) : OperatorCost.Elementwise(space);
        }

        return OperatorCost.Elementwise(checked((operands - 1) * context.OutputElements(0)));
    }
}
