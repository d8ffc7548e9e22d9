using System.Globalization;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The <c>state_update_capacity</c> of ONNX Runtime's stateful decoder operators (GatedDeltaNet,
/// VarlenCausalConvWithState): how many compact per-request transition values they expose, 0 to 8, so that a
/// speculative decoder can replay an accepted prefix.
/// </summary>
internal static class StateUpdate
{
    private const int MaxCapacity = 8;

    /// <summary>The node's capacity, or the node is invalid.</summary>
    public static long Capacity(ShapeContext context)
    {
        var capacity = context.Attributes.GetInt("state_update_capacity", 0);
        return capacity is >= 0 and <= MaxCapacity ? capacity
            : throw context.Invalid($"state_update_capacity {capacity.ToString(CultureInfo.InvariantCulture)} is out of range (0 to {MaxCapacity.ToString(CultureInfo.InvariantCulture)})");
    }
}
