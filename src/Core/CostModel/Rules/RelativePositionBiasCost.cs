namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft RelativePositionBias, the fused form of T5's relative attention bias: as the unfused graph costs it,
/// the bucket of each (query, key) pair is computed once for all heads, then each head looks its bias up in
/// bias_table (a gather: data movement). The bucket of T5's formula, per pair: the distance (subtract 1); its
/// direction, unidirectional (min, negate: 2) or bidirectional (compare, multiply, add the half-table offset,
/// abs: 4); the exact-range test (compare 1); the logarithmic bucket (divide, log, divide, multiply, add: 5) and its
/// clamp (min 1); the select and the sum into the bucket (2). So 12 FLOPs per pair, 14 bidirectional.
/// </summary>
internal sealed class RelativePositionBiasCost : ICostRule
{
    private const int Bucket = 1 + 2 + 1 + 5 + 1 + 2;
    private const int BidirectionalExtra = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RelativePositionBias" };

    public OperatorCost Cost(CostContext context)
    {
        var output = context.OutputDims(0);
        if (output.Length != 4)
        {
            return OperatorCost.DataMovement;
        }

        var perPair = Bucket + (context.Attributes.GetInt("is_bidirectional", 0) != 0 ? BidirectionalExtra : 0);
        return OperatorCost.Elementwise(checked(perPair * output[2] * output[3]));
    }
}
