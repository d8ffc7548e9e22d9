using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Scan: the body sees the state variables and one slice of each scan input (the scan axis removed; in the
/// opset 8 form the batch dim too). The node outputs the final states and the scan outputs stacked along
/// their <c>scan_output_axes</c> entry with the sequence length (<see cref="ScanLayout"/>).
/// Directions only change the order of the steps, not any shape.
/// </summary>
internal sealed class ScanShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Scan" };

    public void Infer(ShapeContext context)
    {
        var layout = ScanLayout.Of(context.Node, context.Opset)
            ?? throw context.Invalid("num_scan_inputs is missing or exceeds the node's inputs");
        Func<int, int?> batchAxis = rank => rank > 0 ? 0 : null;
        var inputs = new List<TensorType?>();
        for (int i = 0; i < layout.States; i++)
        {
            var state = context.InputType(layout.FirstState + i);
            inputs.Add(layout.Batched ? ControlFlowTypes.Slice(state, batchAxis) : state);
        }

        for (int j = 0; j < layout.ScanInputs; j++)
        {
            var index = j;
            var element = ControlFlowTypes.Slice(context.InputType(layout.FirstScanInput + j), rank => layout.InputAxis(index, rank));
            inputs.Add(layout.Batched ? ControlFlowTypes.Slice(element, batchAxis) : element);
        }

        var body = context.InferSubgraph("body", inputs);
        if (body.Count < layout.States)
        {
            throw context.Invalid($"the body has {body.Count} outputs, fewer than the {layout.States} state variables");
        }

        TensorShape? ShapeOf(int input) => context.InputType(input)?.Shape;
        var steps = layout.Steps(ShapeOf) ?? context.NewDim("sequence");
        var batch = layout.Batch(ShapeOf) ?? context.NewDim("batch");
        for (int i = 0; i < layout.States && i < context.OutputCount; i++)
        {
            var final = layout.Batched ? ControlFlowTypes.Stack(body[i].Type, _ => 0, batch) : body[i].Type;
            if (ControlFlowTypes.Merge(context, context.InputType(layout.FirstState + i), final, $"state {i}") is { } merged)
            {
                context.SetOutput(i, merged);
            }
        }

        for (int k = 0; layout.States + k < context.OutputCount && layout.States + k < body.Count; k++)
        {
            var index = k;
            Func<int, int?> axis = layout.Batched ? _ => 0 : rank => layout.OutputAxis(index, rank);
            var stacked = ControlFlowTypes.Stack(body[layout.States + k].Type, axis, steps);
            if (layout.Batched)
            {
                stacked = ControlFlowTypes.Stack(stacked, _ => 0, batch);
            }

            if (stacked is not null)
            {
                context.SetOutput(layout.States + k, stacked);
            }
        }
    }
}
