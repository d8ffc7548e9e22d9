namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft GatedRelativePositionBias (DeBERTa-style), term by term of its documented formula for R query
/// rows (B · S, or the real tokens when the query layer is packed), N heads of size H, the gate projection's width
/// D (weight (H, D)) and the output's B · N · S · S elements: the gate projection of every head of every row,
/// <c>R · N · H · D</c> MACs; the query bias, 1 per query element; the projection's bias, 1 per projected element
/// (<c>R · N · D</c>); the two sums over D/2, 1 per projected element as ReduceSum; the two sigmoids, 4 each; the
/// gate <c>u · (r · eco_a − 1) + 2</c>, 4 per row and head; the gated bias <c>gate · rel_pos</c>, 1 per output.
/// </summary>
internal sealed class GatedRelativePositionBiasCost : ICostRule
{
    private const int Weight = 3;
    private const int Sigmoids = 2 * 4;
    private const int Gate = 4;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatedRelativePositionBias" };

    public OperatorCost Cost(CostContext context)
    {
        var query = context.InputDims(0);
        var weight = context.InputDims(Weight);
        var heads = context.Attributes.GetInt("num_heads", 0);
        if (query.Length is not (2 or 3) || query[^1] <= 0 || weight.Length != 2 || heads <= 0)
        {
            return OperatorCost.Linear(0);
        }

        var hidden = query[^1];
        var rowHeads = checked(DimArithmetic.Product(query) / hidden * heads);
        var projected = checked(rowHeads * weight[1]);
        var macs = checked(projected * (hidden / heads));
        var extra = checked(DimArithmetic.Product(query) + (2 * projected) + ((Sigmoids + Gate) * rowHeads) + context.OutputElements(0));
        return OperatorCost.Linear(macs, extra);
    }
}
