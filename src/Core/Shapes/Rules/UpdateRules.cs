using EfficiencyMisnomer.Graph;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The <c>update_rule</c> of ONNX Runtime's recurrent linear-attention operators (GatedDeltaNet, LinearAttention):
/// 'linear', 'gated' (a decayed state), 'delta' (an update by beta towards the value) or 'gated_delta', the default.
/// </summary>
internal static class UpdateRules
{
    private static readonly string[] Known = { "linear", "gated", "delta", "gated_delta" };

    /// <summary>The update rule the attributes name, or the default.</summary>
    public static string Of(NodeAttributes attributes) => attributes.GetString("update_rule", "gated_delta");

    /// <summary>The node's update rule, or the node is invalid.</summary>
    public static string Read(ShapeContext context)
    {
        var rule = Of(context.Attributes);
        return Known.Contains(rule, StringComparer.Ordinal) ? rule
            : throw context.Invalid($"update_rule '{rule}' is not one of {string.Join(", ", Known)}");
    }

    /// <summary>Whether the rule decays the state by the exp of the decay input.</summary>
    public static bool IsGated(string rule) => rule is "gated" or "gated_delta";

    /// <summary>Whether the rule moves the state towards the value at the rate of the beta input.</summary>
    public static bool IsDelta(string rule) => rule is "delta" or "gated_delta";
}
