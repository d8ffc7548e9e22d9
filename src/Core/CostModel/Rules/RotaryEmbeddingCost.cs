namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft RotaryEmbedding: each rotated element is <c>x·cos + rotate(x)·sin</c>, 2 multiplies and an
/// add (3). The rotated width per head is <c>rotary_embedding_dim</c>, or the whole head when it is 0; the
/// rest of the head is copied. The head size is the input's last dim for (B, N, S, H) input, else the hidden
/// width over <c>num_heads</c> (or the whole width when neither is given).
/// </summary>
internal sealed class RotaryEmbeddingCost : ICostRule
{
    /// <summary>FLOPs per rotated element: two multiplies and an add.</summary>
    internal const int PerRotatedElement = 3;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RotaryEmbedding" };

    /// <summary>
    /// The rotary embedding an attention operator applies itself when <c>do_rotary</c> is set: the rotated
    /// width is twice the cos cache's last dim, over <paramref name="tokens"/> tokens of <paramref name="heads"/>
    /// query and key heads.
    /// </summary>
    internal static long Fused(CostContext context, int cosCacheInput, long tokens, long heads) =>
        context.Attributes.GetInt("do_rotary", 0) != 0 && context.InputDims(cosCacheInput) is { Length: 2 } cos
            ? checked(PerRotatedElement * tokens * heads * 2 * cos[1])
            : 0;

    public OperatorCost Cost(CostContext context)
    {
        var input = context.InputDims(0);
        var elements = context.InputElements(0);
        var rotated = context.Attributes.GetInt("rotary_embedding_dim", 0);
        if (rotated <= 0 || input.Length == 0)
        {
            return OperatorCost.Elementwise(checked(PerRotatedElement * elements));
        }

        var heads = context.Attributes.GetInt("num_heads", 0);
        var head = input.Length == 4 ? input[3] : heads > 0 ? input[^1] / heads : input[^1];
        var perHead = Math.Min(rotated, head);
        return OperatorCost.Elementwise(head == 0 ? 0 : checked(PerRotatedElement * (elements / head) * perHead));
    }
}
