namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The com.microsoft QLinear operators around QLinearConv and QLinearMatMul: the arithmetic of each one's float twin
/// (<see cref="ElementwiseCost"/>, <see cref="ActivationCost"/>, <see cref="SoftmaxCost"/>, <see cref="GlobalPoolCost"/>,
/// <see cref="PoolCost"/>, <see cref="ReduceCost"/>; a concatenation none) plus one requantization per output element
/// (scale, round, add the zero point, clamp: one fixed-point step, as <see cref="QGemmCost"/> counts its rescale).
/// Dequantizing the inputs folds into that arithmetic and is not counted again.
/// </summary>
internal sealed class QLinearCost : ICostRule
{
    private const int Requantize = 1;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[]
    {
        "QLinearAdd", "QLinearMul", "QLinearWhere", "QLinearSigmoid", "QLinearLeakyRelu", "QLinearSoftmax",
        "QLinearGlobalAveragePool", "QLinearAveragePool", "QLinearConcat", "QLinearReduceMean",
    };

    public OperatorCost Cost(CostContext context)
    {
        var output = context.OutputElements(0);
        var input = context.InputElements(0);
        var twin = context.Node.OpType switch
        {
            "QLinearAdd" or "QLinearMul" or "QLinearWhere" => output,
            "QLinearSigmoid" => checked(ActivationCost.FlopsPerElement("Sigmoid") * output),
            "QLinearLeakyRelu" => checked(ActivationCost.FlopsPerElement("LeakyRelu") * output),
            "QLinearSoftmax" => checked(SoftmaxCost.Softmax * output),
            "QLinearGlobalAveragePool" or "QLinearReduceMean" => checked(input + output),
            "QLinearAveragePool" => checked((DimArithmetic.Product(context.Attributes.GetInts("kernel_shape") ?? Array.Empty<long>()) + 1) * output),
            _ => 0,
        };
        return OperatorCost.Elementwise(checked(twin + (Requantize * output)));
    }
}
