using EfficiencyMisnomer.Shapes.Rules;

namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft LinearAttention in its recurrent form (<see cref="LinearRecurrence"/>) over the B·T tokens of query
/// (B, T, Hq·Dk), key (B, T, Hkv·Dk) and value (B, T, Hkv·Dv): each of the Hkv = <c>kv_num_heads</c> key/value heads
/// carries a state, and each of the max(Hq, Hkv) output heads reads one out.
/// </summary>
internal sealed class LinearAttentionCost : ICostRule
{
    private const int DecayInput = 4;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "LinearAttention" };

    public OperatorCost Cost(CostContext context)
    {
        var (query, key, value) = (context.InputDims(0), context.InputDims(1), context.InputDims(2));
        if (query.Length != 3 || key.Length != 3 || value.Length != 3)
        {
            return OperatorCost.Linear(0);
        }

        var heads = Math.Max(context.Attributes.GetInt("q_num_heads", 1), 1);
        var kvHeads = Math.Max(context.Attributes.GetInt("kv_num_heads", 1), 1);
        var recurrence = new LinearRecurrence(checked(query[0] * query[1]), kvHeads, Math.Max(heads, kvHeads), key[2] / kvHeads, value[2] / kvHeads,
            UpdateRules.Of(context.Attributes));
        return OperatorCost.Linear(recurrence.Macs, recurrence.Flops(context.InputElements(DecayInput)));
    }
}
