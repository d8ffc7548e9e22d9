using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Shapes;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EfficiencyMisnomer.Runtime.Tests.Sessions;

/// <summary>
/// The static engine's shape rules against ONNX Runtime itself: each one-operator fixture runs on the CPU provider with
/// zeroed inputs, and every output has the shape the engine inferred for it.
/// </summary>
public sealed class OperatorShapeAgreementTests
{
    private static IEnumerable<string> Fixtures => OperatorFixtures.All.Keys;

    [TestCaseSource(nameof(Fixtures))]
    public void Inferred_output_shapes_are_the_ones_onnx_runtime_produces(string fixture)
    {
        var builder = OperatorFixtures.All[fixture]();
        var model = builder.Load();
        var types = ShapeInference.Run(model, ShapeBindings.None);
        using var session = new InferenceSession(builder.ToBytes());
        var names = session.InputMetadata.Keys.ToList();
        var inputs = names.Select(name => Zeros(session.InputMetadata[name])).ToList();
        try
        {
            var outputs = session.OutputMetadata.Keys.ToList();
            using var options = new RunOptions();
            using var results = session.Run(options, names, inputs, outputs);
            Assert.Multiple(() =>
            {
                for (var i = 0; i < outputs.Count; i++)
                {
                    var inferred = types.TypeOf(outputs[i])?.Shape;
                    Assert.That(inferred?.IsFullyKnown, Is.True, $"{outputs[i]}: {inferred}");
                    Assert.That(inferred!.ToSizes(), Is.EqualTo(results[i].GetTensorTypeAndShape().Shape), outputs[i]);
                }
            });
        }
        finally
        {
            inputs.ForEach(value => value.Dispose());
        }
    }

    private static OrtValue Zeros(NodeMetadata metadata)
    {
        var shape = metadata.Dimensions.Select(d => (long)d).ToArray();
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        return metadata.ElementDataType switch
        {
            TensorElementType.UInt8 => OrtValue.CreateTensorValueFromMemory(new byte[count], shape),
            TensorElementType.Bool => OrtValue.CreateTensorValueFromMemory(new bool[count], shape),
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(new long[count], shape),
            _ => OrtValue.CreateTensorValueFromMemory(new float[count], shape),
        };
    }
}
