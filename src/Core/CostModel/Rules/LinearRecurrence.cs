using EfficiencyMisnomer.Shapes.Rules;

namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The recurrent form of linear attention (GatedDeltaNet, LinearAttention) over <see cref="Tokens"/> tokens, with a
/// Dk × Dv state S per state head and one read-out per output head. Per token and state head the update
/// <c>S += k·uᵀ</c> is Dk·Dv MACs, and the delta rules add the retrieval <c>Sᵀk</c>, Dk·Dv more; per token and
/// output head the read-out <c>Sᵀq</c> is Dk·Dv. FLOPs besides, per token and state head: the gated rules' decay
/// of S (Dk·Dv multiplies), the delta rules' subtraction of the retrieval from v and product with beta (2·Dv);
/// per token and output head the output scale (Dv); and the exp of each decay element. The chunk-parallel prefill
/// computes the same recurrence in another order; its extra intra-chunk products are not counted.
/// </summary>
internal readonly record struct LinearRecurrence(long Tokens, long StateHeads, long OutputHeads, long KeySize, long ValueSize, string Rule)
{
    private long State => checked(KeySize * ValueSize);

    public long Macs => checked(Tokens * State * ((StateHeads * (UpdateRules.IsDelta(Rule) ? 2 : 1)) + OutputHeads));

    /// <summary>FLOPs besides the MACs, with <paramref name="decayElements"/> elements in the decay input.</summary>
    public long Flops(long decayElements)
    {
        var (gated, delta) = (UpdateRules.IsGated(Rule), UpdateRules.IsDelta(Rule));
        var perStateHead = (gated ? State : 0) + (delta ? 2 * ValueSize : 0);
        return checked((Tokens * ((StateHeads * perStateHead) + (OutputHeads * ValueSize))) + (gated ? decayElements : 0));
    }
}
