using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The <c>state_window</c> of ONNX Runtime's stateful decoder operators (CausalConvWithState, LinearAttention): a
/// window W &gt; 0 keeps the states after the last W tokens on a leading axis of W slots, so that a speculative
/// decoder can roll back; 0 keeps the last state alone.
/// </summary>
internal static class StateWindow
{
    /// <summary>The largest window the operators accept.</summary>
    public const int Max = 8;

    /// <summary>The dims of a state of shape <paramref name="slot"/> kept over a window of <paramref name="window"/>.</summary>
    public static IEnumerable<Dim> Around(long window, IEnumerable<Dim> slot) => window > 0 ? slot.Prepend(Dim.Of(window)) : slot;
}
