using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Shapes;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Onnx;

/// <summary>What a tensor stores must agree with what it declares, whatever its size; a data type must be one ONNX defines.</summary>
public sealed class TensorDataTests
{
    [Test]
    public void A_large_typed_tensor_storing_fewer_values_than_its_dims_declare_is_refused()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 5000);
        var w = new TensorProto { Name = "w", DataType = (int)ElementType.Float, Dims = { 5000 }, FloatData = { 1, 2, 3 } };
        b.Graph.Initializer.Add(w);
        b.Output(b.Op("Add", new[] { x, "w" }));

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidTensor));
            Assert.That(error.Message, Does.Contain("tensor 'w' declares 5000 elements but stores 3 values"));
        });
    }

    [TestCase(0)]
    [TestCase(99)]
    [TestCase(-1)]
    public void A_tensor_of_no_known_data_type_is_refused_rather_than_counted_as_nothing(int dataType)
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 4);
        b.Graph.Initializer.Add(new TensorProto { Name = "w", DataType = dataType, Dims = { 4 } });
        b.Output(b.Op("Add", new[] { x, "w" }));

        var error = Assert.Throws<EfficiencyException>(() => b.Load())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InvalidTensor));
            Assert.That(error.Message, Does.Contain($"tensor 'w' has data type {dataType}, not one of the ONNX data types 1 to 24"));
        });
    }

    [Test]
    public void A_dtype_beyond_32_bits_is_refused_rather_than_truncated()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 3, 3);
        b.Node("EyeLike", new[] { x }, new[] { "y" }, ("dtype", (1L << 32) + 1));
        b.Output("y");

        var error = ShapeTestKit.Rejects(b);

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.ShapeMismatch));
            Assert.That(error.Message, Does.Contain("dtype 4294967297 is not an ONNX data type"));
        });
    }

    [Test]
    public void A_tensor_declaring_two_to_the_40_elements_is_counted_without_being_allocated()
    {
        // Weights left out of a file (a structure-only export) are counted from their dims; nothing is read or allocated.
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 1L << 20);
        b.Graph.Initializer.Add(new TensorProto { Name = "w", DataType = (int)ElementType.Float, Dims = { 1L << 20, 1L << 20 } });
        b.Output(b.Op("MatMul", new[] { x, "w" }));
        var model = b.Load();

        var report = EfficiencyMisnomer.CostModel.StaticAnalyzer.Analyze(model);
        var sparsity = Assert.Throws<EfficiencyException>(() => EfficiencyMisnomer.CostModel.StaticAnalyzer.Analyze(model,
            new EfficiencyMisnomer.CostModel.AnalysisOptions { ComputeSparsity = true }))!;

        Assert.Multiple(() =>
        {
            Assert.That(report.Count("params"), Is.EqualTo(1L << 40));
            Assert.That(sparsity.Code, Is.EqualTo(ErrorCodes.InvalidTensor), "sparsity needs the values the file does not have");
            Assert.That(sparsity.Message, Does.Contain("tensor 'w'").And.Contain("stores 0 values"));
        });
    }
}
