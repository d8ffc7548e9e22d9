using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>`misnomer init`: from one's own ONNX files to a spec that `misnomer check` passes at once and fails once tightened.</summary>
public sealed class InitCommandTests
{
    private GitRepository repository = null!;

    private string Spec => repository.PathOf("specs/efficiency.yaml");

    [SetUp]
    public void CreateRepository()
    {
        repository = GitRepository.Init();
        foreach (var model in new[] { "tiny-cnn.onnx", "tiny-decoder.onnx" })
        {
            repository.Write($"models/{model}", File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "specs", "models", model)));
        }
    }

    [TearDown]
    public void Delete() => repository.Dispose();

    [Test]
    public void A_spec_written_from_a_model_passes_check_and_fails_once_a_budget_is_tightened()
    {
        var (code, stdout, stderr) = CliRunner.Run("init", repository.PathOf("models/tiny-cnn.onnx"), "-o", Spec, "--time-cap", "1");
        var text = File.ReadAllText(Spec);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Success), stdout + stderr);
            Assert.That(text, Does.Contain("path: ../models/tiny-cnn.onnx"));
            Assert.That(text, Does.Contain("bind: { batch: 1 }"), "the leading dimension, bound where every reader sees it");
            Assert.That(text, Does.Contain("macs:              { max: 3.08 M }  # today 2.802 M"), "2 802 304 MACs + 10%");
            Assert.That(text, Does.Contain("unknown_ops:       { max: 0 }"));
            Assert.That(text, Does.Contain("latency.p50: { max: "), "a CPU latency budget from the short measurement");
            Assert.That(text, Does.Contain("tolerance: { default: 10%, params: 0% }"));
            Assert.That(stdout, Does.Contain("misnomer check"));
        });

        Assert.That(CliRunner.Run("check", Spec).ExitCode, Is.EqualTo(MisnomerCli.Success), "passes as written");
        File.WriteAllText(Spec, text.Replace("{ max: 3.08 M }", "{ max: 2M }", StringComparison.Ordinal));
        var tightened = CliRunner.Run("check", Spec);
        Assert.Multiple(() =>
        {
            Assert.That(tightened.ExitCode, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(tightened.Stderr, Does.Contain("error EM2101: model 'tiny-cnn': macs 2.8 M exceeds max 2 M"));
        });
    }

    [Test]
    public void A_decoder_gets_a_generation_block_and_budgets_per_phase()
    {
        var (code, stdout, stderr) = CliRunner.Run("init", repository.PathOf("models/tiny-decoder.onnx"), "-o", Spec, "--no-measure");
        var text = File.ReadAllText(Spec);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Success), stdout + stderr);
            Assert.That(text, Does.Contain("generation: { prompt: 32, new_tokens: 32 }"));
            Assert.That(text, Does.Contain("macs_per_token:    { max: 135.17 K }  # today 122.88 K"));
            Assert.That(text, Does.Contain("kv_cache:          { max: 35.2 KiB }  # today 32 KiB"));
            Assert.That(text, Does.Not.Contain("bind:"), "the generation binds every step");
            Assert.That(text, Does.Contain("budgets: {}"), "not measured: no latency budget");
            Assert.That(CliRunner.Run("check", Spec).ExitCode, Is.EqualTo(MisnomerCli.Success));
        });
    }

    [Test]
    public void A_dimension_that_is_not_a_batch_must_be_bound_and_then_appears_in_the_spec()
    {
        var b = new Builder("tokens");
        var x = b.Input("x", ElementType.Float, "batch", "sequence", 8);
        b.Node("MatMul", new[] { x, b.Weight("w", 8, 4) }, new[] { "y" });
        b.Output("y", ElementType.Float, "batch", "sequence", 4);
        var model = b.Save(repository.PathOf("models/tokens.onnx"));

        var unbound = CliRunner.Run("init", model, "-o", Spec, "--no-measure");
        var bound = CliRunner.Run("init", model, "-o", Spec, "--no-measure", "--bind", "sequence=128");

        Assert.Multiple(() =>
        {
            Assert.That(unbound.ExitCode, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(unbound.Stderr, Does.Contain("EM1204").And.Contain("--bind sequence=N"));
            Assert.That(unbound.Stderr, Does.Not.Contain("   at "));
            Assert.That(bound.ExitCode, Is.EqualTo(MisnomerCli.Success), bound.Stderr);
            Assert.That(File.ReadAllText(Spec), Does.Contain("bind: { batch: 1, sequence: 128 }"));
            Assert.That(File.ReadAllText(Spec), Does.Contain("macs:              { max: 4.51 K }  # today 4.096 K"), "1·128·8·4 MACs + 10%");
        });
    }

    [Test]
    public void Each_binding_applies_to_the_models_that_have_its_name_and_one_no_model_has_is_refused()
    {
        // A text detector and a recogniser, as exported together: only the recogniser has a 'width'.
        var detector = new Builder("detector");
        var image = detector.Input("image", ElementType.Float, "batch", 8);
        detector.Node("MatMul", new[] { image, detector.Weight("w", 8, 4) }, new[] { "boxes" });
        detector.Output("boxes", ElementType.Float, "batch", 4);
        var recogniser = new Builder("recogniser");
        var line = recogniser.Input("line", ElementType.Float, "batch", "width", 8);
        recogniser.Node("MatMul", new[] { line, recogniser.Weight("w", 8, 4) }, new[] { "text" });
        recogniser.Output("text", ElementType.Float, "batch", "width", 4);
        var detect = detector.Save(repository.PathOf("models/detector.onnx"));
        var recognise = recogniser.Save(repository.PathOf("models/recogniser.onnx"));

        var both = CliRunner.Run("init", detect, recognise, "-o", Spec, "--no-measure", "--bind", "width=320");
        var written = File.ReadAllText(Spec);
        var typo = CliRunner.Run("init", detect, recognise, "-o", repository.PathOf("specs/typo.yaml"), "--no-measure", "--bind", "widht=320");

        Assert.Multiple(() =>
        {
            Assert.That(both.ExitCode, Is.EqualTo(MisnomerCli.Success), both.Stderr);
            Assert.That(written, Does.Contain("bind: { batch: 1, width: 320 }"), "the recogniser's width");
            Assert.That(written.Split("bind:").Length - 1, Is.EqualTo(2), "each model its own bindings");
            Assert.That(written, Does.Contain("macs:              { max: 11.26 K }  # today 10.24 K"), "320·8·4 MACs + 10%, rounded down");
            Assert.That(typo.ExitCode, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(typo.Stderr, Does.Contain("error EM1205: binding 'widht' names neither a symbolic dimension nor an input of any model given; known: batch, image, line, width"));
            Assert.That(File.Exists(repository.PathOf("specs/typo.yaml")), Is.False, "refused before anything is written");
        });
    }

    [Test]
    public void A_model_outside_the_specs_repository_is_written_but_the_reason_check_fails_is_printed()
    {
        var elsewhere = CliRunner.TempFolder();
        try
        {
            var model = Path.Combine(elsewhere, "tiny-cnn.onnx");
            File.Copy(repository.PathOf("models/tiny-cnn.onnx"), model);

            var (code, stdout, stderr) = CliRunner.Run("init", model, "-o", Spec, "--no-measure");

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
                Assert.That(stderr, Does.Contain("error EM5004"), "the spec's paths may not lead outside its repository");
                Assert.That(File.Exists(Spec), Is.True);
                Assert.That(stdout, Does.Contain("does not pass as written").And.Not.Contain("passes now"), "no next step that would fail");
            });
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Test]
    public void An_existing_spec_is_kept_unless_forced_and_bad_arguments_are_coded_errors()
    {
        File.WriteAllText(repository.PathOf("specs/efficiency.yaml").EnsureFolder(), "name: mine\n");
        var kept = CliRunner.Run("init", repository.PathOf("models/tiny-cnn.onnx"), "-o", Spec, "--no-measure");
        var headroom = CliRunner.Run("init", repository.PathOf("models/tiny-cnn.onnx"), "-o", Spec, "--no-measure", "--force", "--headroom", "ten");
        var missing = CliRunner.Run("init", repository.PathOf("models/none.onnx"), "-o", Spec, "--no-measure", "--force");
        var cap = CliRunner.Run("init", repository.PathOf("models/tiny-cnn.onnx"), "-o", Spec, "--force", "--time-cap", "-1");

        Assert.Multiple(() =>
        {
            Assert.That(kept.ExitCode, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(kept.Stderr, Does.Contain("error EM5003:").And.Contain("--force"));
            Assert.That(File.ReadAllText(Spec), Is.EqualTo("name: mine\n"), "nothing overwritten");
            Assert.That(headroom.Stderr, Does.Contain("error EM9001: --headroom must be a percentage"));
            Assert.That(missing.Stderr, Does.Contain("EM1001"));
            Assert.That(cap.Stderr, Does.Contain("error EM9001: --time-cap must be a positive number of seconds"));
            Assert.That(CliRunner.Run("init", repository.PathOf("models/tiny-cnn.onnx"), "-o", Spec, "--no-measure", "--force").ExitCode, Is.EqualTo(MisnomerCli.Success));
        });
    }
}

internal static class FolderPaths
{
    /// <summary>The path, its folder created.</summary>
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
