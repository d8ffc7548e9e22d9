using System.Text.Json;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Specs;

namespace EfficiencyMisnomer.Tests.Budgets;

/// <summary>The whole gate: specs loaded, models analysed at their bindings, budgets resolved and evaluated, files recorded.</summary>
public sealed class StaticGateTests
{
    private const string Model = "models:\n  tiny: { path: models/tiny-cnn.onnx }\nbind: { batch: 1 }\n";

    private SpecFolder folder = null!;

    [SetUp]
    public void Create() => folder = new SpecFolder();

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public void Passing_spec_passes_and_records_what_it_read()
    {
        var spec = folder.Write(Model + "budgets:\n  macs: { max: 3M }\n  params: { max: 30k }\n");
        var result = StaticGate.Check(new[] { spec });
        var model = result.Models.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(model.ModelName, Is.EqualTo("tiny"));
            Assert.That(model.SpecPath, Is.EqualTo(spec));
            Assert.That(model.Report!.Count("macs"), Is.EqualTo(2_802_304));
            Assert.That(model.Verdicts.Select(v => v.Status), Is.All.EqualTo(VerdictStatus.Pass));
            Assert.That(result.InputFiles, Is.EqualTo(new[] { Path.GetFullPath(spec), Path.GetFullPath(Path.Combine(folder.Path, "models", "tiny-cnn.onnx")) }));
        });
    }

    [Test]
    public void A_sparsity_budget_makes_the_gate_read_the_weights()
    {
        // The bundled sample has seeded random weights: none is exactly zero.
        var spec = folder.Write(Model + "budgets:\n  sparsity: { min: 50% }\n");
        var result = StaticGate.Check(new[] { spec });
        var report = result.Models.Single().Report!;
        Assert.Multiple(() =>
        {
            Assert.That(report["sparsity"].Value, Is.Zero);
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Diagnostics.Single().Message, Does.StartWith("model 'tiny': sparsity").And.Contain("is below min"));
        });
    }

    [Test]
    public void Without_a_sparsity_budget_the_weights_are_not_read() =>
        Assert.That(StaticGate.Check(new[] { folder.Write(Model + "budgets:\n  macs: { max: 3M }\n") }).Models.Single().Report!.Indicators.Select(i => i.Name),
            Does.Not.Contain("sparsity"));

    [Test]
    public void Breach_is_an_error_at_the_max_value()
    {
        var spec = folder.Write(Model + "budgets:\n  params: { max: 30k }\n  macs: { max: 2M }\n");
        var result = StaticGate.Check(new[] { spec });
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { $"{spec}(6,16): error EM2101: model 'tiny': macs 2.8 M exceeds max 2 M" }));
        });
    }

    [Test]
    public void Model_budget_replaces_the_spec_budget_of_the_same_indicator()
    {
        var spec = folder.Write("""
            models:
              tiny:
                path: models/tiny-cnn.onnx
                budgets: { macs: { max: 3M } }
            budgets:
              macs: { max: 1M }
              params: { max: 1k }
            """);
        var result = StaticGate.Check(new[] { spec });
        var verdicts = result.Models.Single().Verdicts;
        Assert.Multiple(() =>
        {
            Assert.That(verdicts.Select(v => (v.Indicator, v.Limit, v.Status)), Is.EqualTo(new[]
            {
                ("macs", 3e6, VerdictStatus.Pass), ("params", 1e3, VerdictStatus.Fail),
            }));
            Assert.That(verdicts[0].Location.Line, Is.EqualTo(4), "the model's budget, not the spec's");
        });
    }

    [Test]
    public void Model_bindings_apply_over_the_spec_bindings()
    {
        var spec = folder.Write("""
            models:
              tiny: { path: models/tiny-cnn.onnx, bind: { batch: 2 } }
            bind: { batch: 1 }
            optimizer: sgd
            """);
        var report = StaticGate.Check(new[] { spec }).Models.Single().Report!;
        Assert.Multiple(() =>
        {
            Assert.That(report.Count("macs"), Is.EqualTo(2 * 2_802_304));
            Assert.That(report.Optimizer, Is.EqualTo(EfficiencyMisnomer.CostModel.Optimizer.Sgd));
        });
    }

    [Test]
    public void Generation_budgets_gate_a_decoder_without_any_binding()
    {
        File.WriteAllBytes(Path.Combine(folder.Path, "models", "decoder.onnx"),
            EfficiencyMisnomer.ModelBuilder.QuantizedDecoders.Int4("genai_int4", EfficiencyMisnomer.ModelBuilder.QuantizedDecoders.Tiny).ToBytes());
        var spec = folder.Write("""
            models:
              decoder:
                path: models/decoder.onnx
                generation: { prompt: 16, new_tokens: 16 }
            budgets:
              macs_per_token: { max: 100k }
              kv_cache: { max: 64 KiB }
              unknown_ops: { max: 0 }
            """);

        var result = StaticGate.Check(new[] { spec });

        var breach = result.Diagnostics.Single(d => d.Code == ErrorCodes.BudgetExceeded);
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(breach.Message, Does.Contain("macs_per_token"));
            Assert.That(breach.Location!.Line, Is.EqualTo(6));
            Assert.That(result.Diagnostics.Select(d => d.Code), Has.No.Member(ErrorCodes.UnboundSymbolicDim));
        });
    }

    [Test]
    public void Unbound_symbol_warning_passes_through()
    {
        var spec = folder.Write("models:\n  tiny: { path: models/tiny-cnn.onnx }\n");
        var result = StaticGate.Check(new[] { spec });
        Assert.That(result.Passed, Is.True);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("EM1204"));
    }

    [Test]
    public void Model_that_cannot_be_analysed_is_reported_at_its_entry()
    {
        File.WriteAllBytes(Path.Combine(folder.Path, "models", "broken.onnx"), new byte[] { 0x0a, 0xff, 0xff, 0xff });
        var spec = folder.Write("models:\n  tiny: { path: models/tiny-cnn.onnx }\n  broken: { path: models/broken.onnx }\nbind: { batch: 1 }\n");
        var result = StaticGate.Check(new[] { spec });
        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(diagnostic.ToString(), Does.StartWith($"{spec}(3,3): error EM2103: model 'broken' cannot be analysed: EM1003: "));
            Assert.That(result.Models.Select(m => m.Report is null), Is.EqualTo(new[] { false, true }));
        });
    }

    [Test]
    public void Binding_that_names_nothing_is_reported_at_the_model()
    {
        var spec = folder.Write("models:\n  tiny: { path: models/tiny-cnn.onnx, bind: { batsh: 2 } }\n");
        var diagnostic = StaticGate.Check(new[] { spec }).Diagnostics.Single();
        Assert.That(diagnostic.ToString(), Does.StartWith($"{spec}(2,3): error EM2103: model 'tiny' cannot be analysed: EM1205: binding 'batsh'"));
    }

    [Test]
    public void Bad_spec_fails_without_analysing_anything()
    {
        var spec = folder.Write(Model + "budgets:\n  mac: { max: 1M }\n");
        var result = StaticGate.Check(new[] { spec });
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Models, Is.Empty);
            Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("EM2010"));
            Assert.That(result.InputFiles, Is.EqualTo(new[] { Path.GetFullPath(spec) }));
        });
    }

    [Test]
    public void Missing_spec_file_is_a_diagnostic_not_an_exception()
    {
        var result = StaticGate.Check(new[] { Path.Combine(folder.Path, "none.yaml") });
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("EM2001"));
    }

    [Test]
    public void Warn_mode_passes_with_warnings()
    {
        var spec = folder.Write(Model + "budgets:\n  macs: { max: 2M }\n");
        var result = StaticGate.Check(new[] { spec }, new GateOptions { Mode = GateMode.Warn });
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith($"{spec}(5,16): warning EM2101: "));
        });
    }

    [Test]
    public void Off_mode_analyses_but_neither_evaluates_nor_fails()
    {
        var good = folder.Write(Model + "budgets:\n  macs: { max: 2M }\n");
        var bad = folder.Write(Model + "budgets:\n  mac: { max: 2M }\n", "bad.yaml");
        var result = StaticGate.Check(new[] { good, bad }, new GateOptions { Mode = GateMode.Off });
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(result.Models.Single().Verdicts, Is.Empty);
            Assert.That(result.Models.Single().Report, Is.Not.Null);
            Assert.That(result.Diagnostics.Single().Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        });
    }

    [Test]
    public void Two_specs_of_one_name_are_an_error()
    {
        var first = folder.Write("name: gate\n" + Model, "a.yaml");
        var second = folder.Write("name: gate\n" + Model, "b.yaml");
        var diagnostic = StaticGate.Check(new[] { first, second }).Diagnostics.Single();
        Assert.That(diagnostic.ToString(), Is.EqualTo($"{second}(1,7): error EM2007: spec name 'gate' is also used by '{first}'; give each spec its own name"));
    }

    [Test]
    public void External_data_files_are_inputs()
    {
        var builder = new ModelBuilder.ModelBuilder(storage: ModelBuilder.WeightStorage.External);
        var x = builder.Input("x", ElementType.Float, 1, 8);
        builder.Output(builder.Op("MatMul", new[] { x, builder.Weight("w", 8, 8) }));
        builder.Save(Path.Combine(folder.Path, "models", "external.onnx"));
        var spec = folder.Write("models:\n  ext: { path: models/external.onnx }\n");
        var result = StaticGate.Check(new[] { spec });
        Assert.That(result.InputFiles, Does.Contain(Path.GetFullPath(Path.Combine(folder.Path, "models", "weights.bin"))));
    }

    [Test]
    public void The_bundled_sample_spec_passes()
    {
        var result = StaticGate.Check(new[] { Path.Combine(RepositoryRoot.Path, "specs", "tiny-cnn.yaml") });
        var verdicts = result.Models.Single().Verdicts;
        Assert.Multiple(() =>
        {
            // Its baseline is not recorded in the repository: the comparison is skipped, as information only.
            Assert.That(result.Diagnostics.Where(d => d.Code != ErrorCodes.NoBaseline), Is.Empty);
            Assert.That(result.Diagnostics.Select(d => d.Severity), Is.All.EqualTo(DiagnosticSeverity.Info));
            Assert.That(result.Passed, Is.True);
            Assert.That(verdicts.Select(v => v.Indicator), Is.SupersetOf(new[] { "params", "macs", "flops", "activations", "memory_access", "unknown_ops" }));
            Assert.That(verdicts, Has.Some.Matches<BudgetVerdict>(v => v.Severity == EfficiencyMisnomer.Specs.BudgetSeverity.Warning));
            Assert.That(verdicts.Select(v => v.Status), Is.All.EqualTo(VerdictStatus.Pass));
        });
    }

    [Test]
    public void Json_lists_specs_models_indicators_and_verdicts()
    {
        var spec = folder.Write(Model + "budgets:\n  macs: { max: 2M }\n");
        using var json = JsonDocument.Parse(GateResultJson.Write(StaticGate.Check(new[] { spec })));
        var root = json.RootElement;
        var model = root.GetProperty("specs")[0].GetProperty("models")[0];
        var verdict = model.GetProperty("verdicts")[0];
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("passed").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("diagnostics")[0].GetProperty("code").GetString(), Is.EqualTo("EM2101"));
            Assert.That(root.GetProperty("specs")[0].GetProperty("path").GetString(), Is.EqualTo(spec));
            Assert.That(model.GetProperty("name").GetString(), Is.EqualTo("tiny"));
            Assert.That(model.GetProperty("indicators").GetProperty("macs").GetInt64(), Is.EqualTo(2_802_304));
            Assert.That(model.GetProperty("units").GetProperty("memory_access").GetString(), Is.EqualTo("bytes"));
            Assert.That(verdict.GetProperty("indicator").GetString(), Is.EqualTo("macs"));
            Assert.That(verdict.GetProperty("bound").GetString(), Is.EqualTo("max"));
            Assert.That(verdict.GetProperty("limit").GetDouble(), Is.EqualTo(2e6));
            Assert.That(verdict.GetProperty("status").GetString(), Is.EqualTo("fail"));
            Assert.That(verdict.GetProperty("location").GetString(), Is.EqualTo($"{spec}(5,16)"));
            Assert.That(root.GetProperty("input_files").GetArrayLength(), Is.EqualTo(2));
        });
    }
}
