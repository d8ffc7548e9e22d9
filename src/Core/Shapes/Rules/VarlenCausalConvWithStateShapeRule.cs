using System.Globalization;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft VarlenCausalConvWithState, CausalConvWithState over the packed tokens of B sequences: input (T, C),
/// weight (C, 1, k), cumulative lengths (B + 1) and the required initial state (B, C, (k − 1) · dilation). Output: the
/// input's shape; the final state: the initial state's; with <c>state_update_capacity</c> U &gt; 0, which requires
/// capture_count (B), the state update (B, U, C). All in the input's type.
/// </summary>
internal sealed class VarlenCausalConvWithStateShapeRule : IShapeRule
{
    private const int WeightInput = 1;
    private const int LengthsInput = 2;
    private const int InitialStateInput = 4;
    private const int CaptureCountInput = 5;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "VarlenCausalConvWithState" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var input = context.RequireShape(0);
        var weight = CausalKernel.Require(context, WeightInput, 1);
        if (input.Rank != 2 || ShapeMath.Differ(input[1], weight[0]))
        {
            throw context.Invalid($"input {input} is not (tokens, channels) with the weight's {weight[0]} channels");
        }

        var dilation = context.Attributes.GetInt("dilation", 1);
        if (dilation < 1)
        {
            throw context.Invalid($"dilation {Text(dilation)} is out of range (at least 1)");
        }

        var capacity = StateUpdate.Capacity(context);
        if ((capacity > 0) != context.HasInput(CaptureCountInput) || !context.HasInput(InitialStateInput))
        {
            throw context.Invalid($"initial_state is required, and capture_count exactly when state_update_capacity ({Text(capacity)}) is positive");
        }

        var given = context.InputType(InitialStateInput)?.Shape;
        var batch = context.InputType(LengthsInput)?.Shape is { Rank: 1 } lengths ? AttentionMath.Sequences(context, lengths)
            : given is { Rank: 3 } ? given[0] : context.NewDim("batch");
        var state = new TensorShape(new[] { batch, input[1], CausalKernel.StateLength(context, weight, dilation) });
        if (given is not null && (given.Rank != 3 || Enumerable.Range(0, 3).Any(i => ShapeMath.Differ(given[i], state[i]))))
        {
            throw context.Invalid($"initial_state {given} is not the state {state} this node carries");
        }

        context.SetOutput(0, type);
        context.SetOutput(1, type.ElementType, state);
        context.SetOutput(2, type.ElementType, new TensorShape(new[] { batch, Dim.Of(capacity), input[1] }));
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
