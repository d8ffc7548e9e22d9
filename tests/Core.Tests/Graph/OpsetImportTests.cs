using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;
using Google.Protobuf;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Graph;

/// <summary>The default domain's rules depend on its opset: a model must import it, at a version the engine knows.</summary>
public sealed class OpsetImportTests
{
    [Test]
    public void A_model_without_any_opset_import_is_refused_saying_what_is_missing()
    {
        var error = Assert.Throws<EfficiencyException>(() => Load(Relu(), m => m.OpsetImport.Clear()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.MissingOpsetImport));
            Assert.That(error.Message, Does.Contain("'m.onnx' imports no opset (its opset_import is empty)"));
        });
    }

    [Test]
    public void A_default_domain_node_without_a_default_domain_import_is_refused_naming_the_node()
    {
        var error = Assert.Throws<EfficiencyException>(() => Load(Relu(), m =>
        {
            m.OpsetImport.Clear();
            m.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.MissingOpsetImport));
            Assert.That(error.Message, Does.Contain("node 'Relu_0' (Relu) is an operator of the default ONNX domain, which the model does not import (it imports only 'com.microsoft')"));
            Assert.That(error.Location!.Element, Is.EqualTo("node 'Relu_0'"));
        });
    }

    [TestCase(9999)]
    [TestCase(27)]
    public void A_default_opset_newer_than_the_engine_knows_is_unsupported(long version)
    {
        var error = Assert.Throws<EfficiencyException>(() => Load(Relu(), m => m.OpsetImport[0].Version = version))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.UnsupportedOpset));
            Assert.That(error.Message, Does.Contain($"imports ONNX opset {version}, newer than opset {OpsetImports.NewestDefaultOpset}"));
        });
    }

    [TestCase("", 0)]
    [TestCase("", -3)]
    [TestCase("com.example", 0)]
    public void A_version_below_one_is_unsupported_in_any_domain(string domain, long version)
    {
        var error = Assert.Throws<EfficiencyException>(() => Load(Relu(), m =>
            m.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version })))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.UnsupportedOpset));
            Assert.That(error.Message, Does.Contain($"at version {version}; opset versions start at 1"));
        });
    }

    [Test]
    public void Two_versions_of_the_default_domain_are_unsupported()
    {
        var error = Assert.Throws<EfficiencyException>(() => Load(Relu(), m =>
            m.OpsetImport.Add(new OperatorSetIdProto { Domain = "ai.onnx", Version = 13 })))!;

        Assert.That(error.Message, Does.Contain("imports the default ONNX domain twice, at versions 17 and 13"));
    }

    [Test]
    public void The_newest_known_opset_and_any_version_of_another_domain_load()
    {
        var b = Relu();
        b.NodeIn("com.example", "Mystery", new[] { "y" }, new[] { "z" });
        b.Output("z");
        var model = Load(b, m =>
        {
            m.OpsetImport[0].Version = OpsetImports.NewestDefaultOpset;
            m.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.example", Version = 9999 });
        });

        var report = StaticAnalyzer.Analyze(model);

        Assert.Multiple(() =>
        {
            Assert.That(model.OpsetOf(""), Is.EqualTo(OpsetImports.NewestDefaultOpset));
            Assert.That(report.Coverage.UnknownOps, Is.EqualTo(new[] { "com.example.Mystery" }));
        });
    }

    [Test]
    public void Ir_versions_before_opset_import_imply_the_first_opset()
    {
        var model = Load(Relu(), m =>
        {
            m.OpsetImport.Clear();
            m.IrVersion = 2;
        });

        Assert.That(model.OpsetOf(""), Is.EqualTo(1));
    }

    private static Builder Relu()
    {
        var b = new Builder();
        var x = b.Input("x", ElementType.Float, 1, 4);
        b.Node("Relu", new[] { x }, new[] { "y" });
        b.Output("y");
        return b;
    }

    private static OnnxModel Load(Builder builder, Action<ModelProto> change)
    {
        var model = ModelProto.Parser.ParseFrom(builder.ToBytes());
        change(model);
        return OnnxModel.Load(model.ToByteArray(), "m.onnx");
    }
}
