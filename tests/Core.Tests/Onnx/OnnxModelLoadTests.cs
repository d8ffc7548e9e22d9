using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Onnx;

public sealed class OnnxModelLoadTests
{
    [Test]
    public void Raw_payloads_are_located_and_small_ones_decoded()
    {
        var builder = new Builder();
        var x = builder.Input("x", ElementType.Float, "batch", 8);
        var w = builder.Weight("w", 8, 4);
        var shape = builder.Int64s("shape", -1, 2, 2);
        var y = builder.Op("MatMul", new[] { x, w });
        var z = builder.Op("Reshape", new[] { y, shape });
        builder.Output(z);

        var model = builder.Load();

        var weight = model.Graph.Initializers["w"];
        Assert.Multiple(() =>
        {
            Assert.That(weight.Storage, Is.EqualTo(TensorStorage.Raw));
            Assert.That(weight.ElementCount, Is.EqualTo(32));
            Assert.That(weight.RawRange!.Value.Length, Is.EqualTo(128));
            Assert.That(model.Graph.Initializers["shape"].Value!.Integers, Is.EqualTo(new long[] { -1, 2, 2 }));
            Assert.That(model.Graph.Nodes.Select(n => n.OpType), Is.EqualTo(new[] { "MatMul", "Reshape" }));
            Assert.That(model.OpsetOf(""), Is.EqualTo(17));
        });
    }
}
