namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The arithmetic of scaled dot-product attention inside the fused attention operators, for batch B,
/// heads N, queries S, keys T (past included), head sizes Hk (query and key) and Hv (value):
/// <c>Q·Kᵀ</c> is <c>B·N·S·T·Hk</c> MACs and <c>weights·V</c> <c>B·N·S·T·Hv</c>, as the two MatMuls of the
/// unfused graph. Per score: the scaling (1), each additive mask or bias (1), and the softmax (5).
/// </summary>
internal readonly record struct AttentionCore(long Batch, long Heads, long Queries, long Keys, long KeyHead, long ValueHead)
{
    private const int Scale = 1;
    private const int Softmax = 5;

    public long Scores => checked(Batch * Heads * Queries * Keys);

    public long Macs => checked(Scores * (KeyHead + ValueHead));

    /// <summary>FLOPs besides the MACs, with <paramref name="masks"/> additive masks or biases on the scores.</summary>
    public long ScoreFlops(int masks) => checked(Scores * (Scale + Softmax + masks));
}
