using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Revisions;

namespace EfficiencyMisnomer.Tests.Revisions;

/// <summary>
/// The base side of a comparison against a revision: models found at a git revision or in a checkout folder, byte-identical
/// ones recognised without measuring, changed ones (with their external data) made available, and every way the base can be
/// missing a coded error at the place that named it.
/// </summary>
public sealed class BaseRevisionTests
{
    private static readonly SourceLocation Against = new("spec.yaml", 9, 12);

    private static byte[] Tiny() => SampleModels.TinyCnn().ToBytes();

    private static byte[] Resaved() => ComparisonModels.Resaved(Tiny());

    [Test]
    public void A_byte_identical_model_is_unchanged_and_nothing_is_extracted()
    {
        using var repository = GitRepository.Init();
        var model = repository.Write("models/tiny.onnx", Tiny());
        repository.Commit("base");

        using var revision = GitBaseRevision.Open(repository.Root, "main", Against);
        var found = revision.Locate(model);
        Assert.Multiple(() =>
        {
            Assert.That(found.Status, Is.EqualTo(BaseModelStatus.Unchanged));
            Assert.That(found.Path, Is.Null);
            Assert.That(found.RelativePath, Is.EqualTo("models/tiny.onnx"));
            Assert.That(revision.Commit, Has.Length.EqualTo(40));
            Assert.That(revision.Describe, Does.StartWith("main ("));
        });
    }

    [Test]
    public void A_re_saved_model_is_changed_and_its_base_bytes_are_extracted()
    {
        using var repository = GitRepository.Init();
        var model = repository.Write("models/tiny.onnx", Tiny());
        var commit = repository.Commit("base");
        repository.Write("models/tiny.onnx", Resaved());
        repository.Commit("head");

        string extracted;
        using (var revision = GitBaseRevision.Open(repository.Root, commit, Against))
        {
            var found = revision.Locate(model);
            Assert.That(found.Status, Is.EqualTo(BaseModelStatus.Changed));
            extracted = found.Path!;
            Assert.That(File.ReadAllBytes(extracted), Is.EqualTo(Tiny()));
            Assert.That(extracted.Replace('\\', '/'), Does.EndWith("models/tiny.onnx"));
        }

        Assert.That(File.Exists(extracted), Is.False, "disposing removes what was extracted");
    }

    [Test]
    public void A_model_absent_at_the_base_is_new()
    {
        using var repository = GitRepository.Init();
        repository.Write("README", "base");
        repository.Commit("base");
        var model = repository.Write("models/new.onnx", Tiny());

        using var revision = GitBaseRevision.Open(repository.Root, "HEAD", Against);
        Assert.That(revision.Locate(model).Status, Is.EqualTo(BaseModelStatus.New));
    }

    [Test]
    public void External_data_is_compared_and_extracted_beside_the_base_model()
    {
        using var repository = GitRepository.Init();
        var builder = TorchVisionModels.MobileNetV2(WeightStorage.External);
        var model = builder.Save(repository.PathOf("models/mnv2/model.onnx"));
        var data = Directory.GetFiles(Path.GetDirectoryName(model)!).Single(f => f != model);
        var baseData = File.ReadAllBytes(data);
        repository.Commit("base");

        using (var same = GitBaseRevision.Open(repository.Root, "HEAD", Against))
        {
            Assert.That(same.Locate(model).Status, Is.EqualTo(BaseModelStatus.Unchanged));
        }

        // Only the weights change: the model file is the same, the model is not.
        using (var stream = new FileStream(data, FileMode.Open, FileAccess.Write))
        {
            stream.Seek(4, SeekOrigin.Begin);
            stream.WriteByte(0x7f);
        }

        using var revision = GitBaseRevision.Open(repository.Root, "HEAD", Against);
        var found = revision.Locate(model);
        Assert.That(found.Status, Is.EqualTo(BaseModelStatus.Changed));
        var extractedData = Path.Combine(Path.GetDirectoryName(found.Path!)!, Path.GetFileName(data));
        Assert.That(File.ReadAllBytes(extractedData), Is.EqualTo(baseData));
    }

    [Test]
    public void An_unknown_revision_is_EM4030_at_the_against_key()
    {
        using var repository = GitRepository.Init();
        repository.Write("README", "x");
        repository.Commit("base");

        var error = Assert.Throws<EfficiencyException>(() => GitBaseRevision.Open(repository.Root, "origin/no-such-branch", Against))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.RevisionNotFound));
            Assert.That(error.Location, Is.EqualTo(Against));
            Assert.That(error.Message, Does.Contain("'origin/no-such-branch' is not known"));
        });
    }

    [Test]
    public void A_revision_that_looks_like_an_option_is_refused()
    {
        using var repository = GitRepository.Init();
        repository.Write("README", "x");
        repository.Commit("base");
        var error = Assert.Throws<EfficiencyException>(() => GitBaseRevision.Open(repository.Root, "--output=/tmp/x", Against))!;
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.RevisionNotFound));
    }

    [Test]
    public void A_folder_outside_any_repository_is_EM4031()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-no-git-").FullName;
        try
        {
            var error = Assert.Throws<EfficiencyException>(() => GitBaseRevision.Open(folder, "main", Against))!;
            Assert.Multiple(() =>
            {
                Assert.That(error.Code, Is.EqualTo(ErrorCodes.NotAGitRepository));
                Assert.That(error.Location, Is.EqualTo(Against));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_shallow_clone_without_the_revision_is_EM4032_and_says_which_fetch_is_needed()
    {
        using var origin = GitRepository.Init();
        origin.Write("models/tiny.onnx", Tiny());
        var first = origin.Commit("base");
        origin.Write("models/tiny.onnx", Resaved());
        origin.Commit("head");
        using var clone = GitRepository.ShallowClone(origin);

        var error = Assert.Throws<EfficiencyException>(() => GitBaseRevision.Open(clone.Root, first, Against))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.ShallowCloneWithoutRevision));
            Assert.That(error.Message, Does.Contain($"git fetch --depth=1 origin {first}"));
        });
    }

    [Test]
    public void A_git_lfs_pointer_at_the_base_is_EM4033_saying_the_objects_must_be_fetched()
    {
        using var repository = GitRepository.Init();
        var model = repository.Write("models/tiny.onnx",
            "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
        repository.Commit("base");
        repository.Write("models/tiny.onnx", Tiny());

        using var revision = GitBaseRevision.Open(repository.Root, "HEAD", Against);
        var error = Assert.Throws<EfficiencyException>(() => revision.Locate(model))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.LfsPointerAtBase));
            Assert.That(error.Message, Does.Contain("git lfs fetch origin HEAD"));
        });
    }

    [Test]
    public void A_base_model_that_cannot_be_read_is_EM4034()
    {
        using var repository = GitRepository.Init();
        var model = repository.Write("models/tiny.onnx", new byte[] { 0x08, 0xff, 0xff, 0xff });
        repository.Commit("base");
        repository.Write("models/tiny.onnx", Tiny());

        using var revision = GitBaseRevision.Open(repository.Root, "HEAD", Against);
        var error = Assert.Throws<EfficiencyException>(() => revision.Locate(model))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BaseModelUnreadable));
            Assert.That(error.Location, Is.EqualTo(Against));
            Assert.That(error.Message, Does.Contain("EM100"));
        });
    }

    [Test]
    public void A_folder_checkout_is_compared_by_path_relative_to_the_repository()
    {
        using var head = GitRepository.Init();
        var changed = head.Write("models/a.onnx", Resaved());
        var same = head.Write("models/b.onnx", Tiny());
        var added = head.Write("models/c.onnx", Tiny());
        head.Write("specs/spec.yaml", "name: x");
        head.Commit("head");
        using var checkout = new GitRepository();
        checkout.Write("models/a.onnx", Tiny());
        checkout.Write("models/b.onnx", Tiny());

        using var revision = FolderBaseRevision.Open(checkout.Root, head.PathOf("specs"), checkout.Root, Against);
        Assert.Multiple(() =>
        {
            Assert.That(revision.Locate(changed).Status, Is.EqualTo(BaseModelStatus.Changed));
            Assert.That(revision.Locate(changed).Path, Is.EqualTo(checkout.PathOf("models/a.onnx")));
            Assert.That(revision.Locate(same).Status, Is.EqualTo(BaseModelStatus.Unchanged));
            Assert.That(revision.Locate(added).Status, Is.EqualTo(BaseModelStatus.New));
            Assert.That(revision.Source, Is.EqualTo("folder"));
        });
    }
}
