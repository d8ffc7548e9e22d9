namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft DynamicQuantizeLSTM, ONNX Runtime's dynamically quantized LSTM: the ONNX LSTM's MACs and cell
/// FLOPs (<see cref="RecurrentCost"/>) at the sizes of its transposed weights, W [directions, input, 4·hidden]
/// and R [directions, hidden, 4·hidden]. As DynamicQuantizeMatMul, each operand quantized at run time costs 4
/// per element (X once, the hidden state before each recurrent product) and each integer product is rescaled
/// to float (1 per gate pre-activation, for W·x and for R·h).
/// </summary>
internal sealed class DynamicQuantizeLstmCost : ICostRule
{
    private const int DynamicQuantize = 4;
    private const int Products = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DynamicQuantizeLSTM" };

    public OperatorCost Cost(CostContext context)
    {
        var x = context.InputDims(0);
        var w = context.InputDims(1);
        var r = context.InputDims(2);
        if (x.Length != 3 || w.Length != 3)
        {
            return OperatorCost.Linear(0);
        }

        var step = RecurrentStep.Of("LSTM");
        var hidden = context.Attributes.GetIntOrNull("hidden_size") ?? (r.Length == 3 ? r[1] : w[2] / step.Gates);
        var sizes = new RecurrentSizes(x[0], x[1], w[0], w[1], hidden);
        var lstm = RecurrentCost.Of(context, step, sizes);
        var quantize = checked((DynamicQuantize * context.InputElements(0)) + (sizes.Cells * hidden * (DynamicQuantize + (Products * step.Gates))));
        return lstm with { Flops = checked(lstm.Flops + quantize) };
    }
}
