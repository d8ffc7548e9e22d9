using System.Text;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Onnx;

/// <summary>Text that is not UTF-8 is refused with where it is (EM1108); so is nesting deeper than protobuf readers accept (EM1109).</summary>
public sealed class WireDiagnosisTests
{
    private const string Marker = "QQmarkQQ";

    [TestCase("op_type", "the op_type of main graph > node #1")]
    [TestCase("name", "the name of main graph > node #1")]
    [TestCase("domain", "the domain of main graph > node #1")]
    [TestCase("input", "the input #0 of main graph > node #1")]
    [TestCase("initializer", "the name of main graph > initializer #0")]
    [TestCase("graph", "the name of main graph")]
    [TestCase("dim_param", "the dim_param of main graph > input #0 > type > tensor_type > shape > dim #0")]
    [TestCase("opset", "the domain of model > opset_import #1")]
    [TestCase("subgraph", "the name of main graph > node #2 > attribute #0 > graph > node #0")]
    public void Text_that_is_not_utf8_is_refused_naming_the_field_and_where_it_is(string where, string expected)
    {
        var bytes = WithInvalidUtf8(Model(where));

        var error = Assert.Throws<EfficiencyException>(() => OnnxModel.Load(bytes, "m.onnx"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.TextNotUtf8));
            Assert.That(error.Message, Does.StartWith($"'m.onnx': {expected} is not valid UTF-8 text"));
            Assert.That(error.Location!.Element, Is.EqualTo(expected[(expected.IndexOf(" of ", StringComparison.Ordinal) + 4)..]));
        });
    }

    [Test]
    public void Text_the_engine_never_reads_may_be_any_bytes()
    {
        var b = Model("none");
        b.Graph.Node[0].Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 1 });
        var bytes = b.ToBytes().Concat(DocString(Encoding.UTF8.GetBytes(Marker))).ToArray(); // ModelProto.doc_string

        Assert.That(() => OnnxModel.Load(WithInvalidUtf8(bytes), "m.onnx"), Throws.Nothing);
    }

    [Test]
    public void Broken_bytes_stay_a_corrupt_file()
    {
        var bytes = Model("none").ToBytes();

        var error = Assert.Throws<EfficiencyException>(() => OnnxModel.Load(bytes[..(bytes.Length - 3)], "m.onnx"))!;

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.ModelNotProtobuf));
    }

    private static Builder Model(string where)
    {
        var b = new Builder(where == "graph" ? Marker : "model");
        b.Opset(where == "opset" ? Marker : "com.example", 1);
        var x = b.Input("x", ElementType.Float, where == "dim_param" ? Marker : "batch", 4);
        var w = b.Weight("w", 4);
        if (where == "initializer")
        {
            b.Graph.Initializer.Insert(0, Builder.Tensor(ElementType.Float, new long[] { 1 }, new[] { 1f }));
            b.Graph.Initializer[0].Name = Marker;
        }

        b.Node("Mul", new[] { x, w }, new[] { "m" });
        var node = new NodeProto { OpType = where == "op_type" ? Marker : "Relu", Name = where == "name" ? Marker : "relu", Domain = where == "domain" ? Marker : "" };
        node.Input.Add(where == "input" ? Marker : "m");
        node.Output.Add("y");
        b.Graph.Node.Add(node);
        var branch = new Builder("then");
        branch.Node(where == "subgraph" ? Marker : "Identity", new[] { "y" }, new[] { "t" });
        branch.Output("t");
        var c = b.Input("c", ElementType.Bool);
        b.Node("If", new[] { c }, new[] { "z" }, ("then_branch", branch.Graph), ("else_branch", branch.Graph.Clone()));
        b.Output("z");
        return b;
    }

    private static byte[] WithInvalidUtf8(Builder builder) => WithInvalidUtf8(builder.ToBytes());

    /// <summary>The marker's first byte becomes 0xFF, which never occurs in UTF-8; lengths stay as they are.</summary>
    private static byte[] WithInvalidUtf8(byte[] bytes)
    {
        var marker = Encoding.ASCII.GetBytes(Marker);
        var at = bytes.AsSpan().IndexOf(marker);
        Assume.That(at, Is.GreaterThanOrEqualTo(0));
        bytes[at] = 0xFF;
        return bytes;
    }

    private static byte[] DocString(byte[] text) => new byte[] { (6 << 3) | 2, (byte)text.Length }.Concat(text).ToArray();
}
