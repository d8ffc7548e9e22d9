using System.Globalization;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft LinearAttention, linear attention with a recurrent state over heads packed in the last dim: query
/// (B, T, Hq·Dk), key (B, T, Hkv·Dk) and value (B, T, Hkv·Dv), Hq = <c>q_num_heads</c> and Hkv = <c>kv_num_heads</c>,
/// one a multiple of the other. Output (B, T, max(Hq, Hkv)·Dv) in the query's type; present state (B, Hkv, Dk, Dv),
/// with a leading axis of <c>state_window</c> W when W &gt; 0, in the past state's type, else the query's. The gated
/// rules need the decay input and the delta rules beta.
/// </summary>
internal sealed class LinearAttentionShapeRule : IShapeRule
{
    private const int PastStateInput = 3;
    private const int DecayInput = 4;
    private const int BetaInput = 5;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "LinearAttention" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var (query, key, value) = (context.RequireShape(0), context.RequireShape(1), context.RequireShape(2));
        if (query.Rank != 3 || key.Rank != 3 || value.Rank != 3)
        {
            throw context.Invalid($"query {query}, key {key} and value {value} must all be (batch, sequence, heads · head size)");
        }

        var heads = AttentionMath.Heads(context, "q_num_heads");
        var kvHeads = AttentionMath.Heads(context, "kv_num_heads");
        if (Math.Max(heads, kvHeads) % Math.Min(heads, kvHeads) != 0)
        {
            throw context.Invalid($"{Text(heads)} query heads and {Text(kvHeads)} key/value heads do not group, neither being a multiple of the other");
        }

        var keySize = AttentionMath.PerHead(context, key[2], kvHeads);
        var valueSize = AttentionMath.PerHead(context, value[2], kvHeads);
        if (ShapeMath.Differ(AttentionMath.PerHead(context, query[2], heads), keySize)
            || Enumerable.Range(0, 2).Any(i => ShapeMath.Differ(query[i], key[i]) || ShapeMath.Differ(query[i], value[i])))
        {
            throw context.Invalid($"query {query}, key {key} and value {value} differ in batch, sequence or key head size");
        }

        var rule = UpdateRules.Read(context);
        var missing = UpdateRules.IsGated(rule) && !context.HasInput(DecayInput) ? "decay"
            : UpdateRules.IsDelta(rule) && !context.HasInput(BetaInput) ? "beta" : null;
        if (missing is not null)
        {
            throw context.Invalid($"update_rule '{rule}' needs the {missing} input");
        }

        var window = context.Attributes.GetInt("state_window", 0);
        if (window is < 0 or > StateWindow.Max)
        {
            throw context.Invalid($"state_window {Text(window)} is out of range (0 to {Text(StateWindow.Max)})");
        }

        var state = new TensorShape(StateWindow.Around(window, new[] { query[0], Dim.Of(kvHeads), keySize, valueSize }));
        var past = context.InputType(PastStateInput);
        if (past?.Shape is { } pastShape && (pastShape.Rank != state.Rank || Enumerable.Range(0, state.Rank).Any(i => ShapeMath.Differ(pastShape[i], state[i]))))
        {
            throw context.Invalid($"past_state {pastShape} is not the state {state} this node carries");
        }

        context.SetOutput(0, type.ElementType, new TensorShape(new[] { query[0], query[1], AttentionMath.Times(context, valueSize, Math.Max(heads, kvHeads)) }));
        context.SetOutput(1, past?.ElementType ?? type.ElementType, state);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
