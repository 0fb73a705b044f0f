// Rules that came from real library tarballs (Debian bookworm's .orig tarballs of yajl, zstd, libuv, zlib, lzo,
// libffi, libpng, pcre2, expat, msgpack-c, libsodium, fuse, jansson), each checked on the unchanged upstream file
// that motivated it (tests/data/rpm-real/excerpts/<project>/), plus json-c and libyaml from the developer set.
// Inspection only, except one rpm --eval.
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Rpm.Build;
using OpsKit.Rpm.Source;
using OpsKit.Rpm.Source.Readers;
using OpsKit.Rpm.Spec;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Real;

public sealed class LibraryShapeTests
{
    [Fact]
    public async Task Json_c_summary_comes_from_its_pc_template_and_the_description_from_README_md_not_the_pointer_README()
    {
        var s = await RealData.InspectTarball("json-c-0.16-20220414.tar.gz");
        using var tree = s.Tree;
        // README is "See README.md or README.html"; README.md's first sentence is over 79 columns; json-c.pc.in says it in one line.
        Assert.Equal("README.md", ReadmeReader.Find(tree));
        Assert.Equal("A JSON implementation in C", s.Summary);
        Assert.StartsWith("JSON-C implements a reference counting object model", s.Description);
        Assert.Contains("summary: json-c.pc.in Description", s.Evidence);
    }

    [Fact]
    public async Task Libyaml_description_is_not_the_chat_invitation_after_its_build_instructions()
    {
        var s = await RealData.InspectTarball("libyaml-0.2.5.tar.gz");
        using var tree = s.Tree;
        // ReadMe.md: the title's tagline, then "To build ...", code, and "Discuss LibYAML with the maintainers in IRC".
        Assert.Equal("A C library for parsing and emitting YAML", s.Summary);
        Assert.DoesNotContain("Discuss", s.Description, StringComparison.Ordinal);
        Assert.Equal("A C library for parsing and emitting YAML.", s.Description);
    }

    [Theory]
    [InlineData("The json-c package", "json-c", true)]
    [InlineData("Zlib library", "zlib", true)]
    [InlineData("The libfoo C library", "libfoo", true)]
    [InlineData("Popt library", "popt", true)]
    [InlineData("Zlib compression library", "zlib", false)]
    [InlineData("The cmocka unit testing library", "cmocka", false)]
    public void A_summary_that_only_names_the_package_is_boilerplate(string text, string name, bool boilerplate) =>
        Assert.Equal(boilerplate, Summary.IsBoilerplate(text, name));

    [Fact]
    public async Task Yajl_greeting_and_feature_tour_are_not_a_description_and_the_pc_template_gives_the_summary()
    {
        var s = await RealData.InspectExcerpt("yajl-2.1.0");
        using var tree = s.Tree;
        // README: "Welcome to Yet Another JSON Library (YAJL)", then "## Why does the world need another C library ...?".
        Assert.Equal("A Portable JSON parsing and serialization library in ANSI C", s.Summary);
        Assert.Equal("A Portable JSON parsing and serialization library in ANSI C.", s.Description);
        Assert.Contains("summary: src/yajl.pc.cmake Description", s.Evidence);
        // Its only link naming yajl is https://github.com/lloyd/yajl/tree/1.x (the legacy branch): the repository it names.
        Assert.Equal("https://github.com/lloyd/yajl", s.Url);
    }

    [Fact]
    public void Yajl_static_archive_with_a_suffix_is_dropped_beside_its_shared_library()
    {
        // src/CMakeLists.txt installs the shared yajl and the static yajl_s side by side.
        Assert.Contains("INSTALL(TARGETS yajl_s ARCHIVE DESTINATION lib${LIB_SUFFIX})", File.ReadAllText(Path.Combine(RealData.Excerpt("yajl-2.1.0"), "src", "CMakeLists.txt")));
        using var root = new TempDir("rpm-yajl");
        foreach (var f in new[] { "usr/lib64/libyajl.so.2.1.0", "usr/lib64/libyajl_s.a", "usr/include/yajl/yajl_parse.h" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(root.File(f))!);
            File.WriteAllBytes(root.File(f), [0x7f, (byte)'E', (byte)'L', (byte)'F']);
        }
        File.CreateSymbolicLink(root.File("usr/lib64/libyajl.so"), "libyajl.so.2.1.0");
        var plan = FileMapper.Map(root.Path);
        Assert.DoesNotContain("%{_libdir}/libyajl_s.a", plan.Devel);
        Assert.Contains("rm -f %{buildroot}%{_libdir}/libyajl_s.a", plan.InstallExtras);
        Assert.Contains("%{_libdir}/libyajl.so", plan.Devel);
    }

    [Fact]
    public async Task Cmake_files_that_install_to_lib_LIB_SUFFIX_get_lib64_from_the_compat_macros_as_from_Fedoras()
    {
        using var support = SupportFiles.Create(debianHost: true);
        var r = await new ProcessRunner().RunAsync(new CommandSpec("rpm", "--load", support.CompatMacros, "--define", "_lib lib64", "--eval", "%cmake") { Timeout = TimeSpan.FromMinutes(1) });
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains("-DLIB_SUFFIX=64", r.StandardOutput);
        var r32 = await new ProcessRunner().RunAsync(new CommandSpec("rpm", "--load", support.CompatMacros, "--define", "_lib lib", "--eval", "%cmake") { Timeout = TimeSpan.FromMinutes(1) });
        Assert.DoesNotContain("LIB_SUFFIX", r32.StandardOutput);
    }

    [Fact]
    public async Task Zstd_programs_linking_the_library_the_project_builds_need_no_BuildRequires_on_it()
    {
        var s = await RealData.InspectExcerpt("zstd-1.5.4");
        using var tree = s.Tree;
        // programs/Makefile: "zstd-dll : LDLIBS += -lzstd"; lib/ builds libzstd (libzstd.pc.in: Libs: -lzstd).
        Assert.Equal(Shape.Makefile, s.Shape);
        Assert.DoesNotContain("pkgconfig(libzstd)", s.Meta.BuildRequires);
        Assert.True(MakefileReader.OwnLibrary(tree, File.ReadAllText(tree.File("programs/Makefile")), "zstd"));
        Assert.False(MakefileReader.OwnLibrary(tree, File.ReadAllText(tree.File("programs/Makefile")), "lzma"));
    }

    [Fact]
    public async Task Libuv_configure_ac_including_a_file_autogen_sh_writes_runs_autogen_sh_not_autoreconf()
    {
        var s = await RealData.InspectExcerpt("libuv1-1.44.2");
        using var tree = s.Tree;
        // configure.ac: m4_include([m4/libuv-extra-automake-flags.m4]); autogen.sh writes that file.
        Assert.Equal(Shape.AutotoolsBootstrap, s.Shape);
        Assert.Equal("autogen.sh", s.Meta.BootstrapScript);
        var conf = RecipeBook.For(s).Conf;
        Assert.Contains("NOCONFIGURE=1 ./autogen.sh", conf);
        Assert.DoesNotContain("autoreconf -fiv", conf);
    }

    [Fact]
    public async Task Configure_ac_including_a_file_nothing_makes_is_refused_naming_it()
    {
        using var dir = new TempDir("rpm-libuv");
        // The same tree without autogen.sh: autoreconf would stop on the missing include inside the trial build.
        foreach (var f in new[] { "configure.ac", "Makefile.am", "LICENSE" }) File.Copy(Path.Combine(RealData.Excerpt("libuv1-1.44.2"), f), dir.File(f));
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), dir.Path);
        var e = Assert.Throws<OpsKitException>(() => SourceInspector.Inspect(tree, "libuv", new InspectOptions()));
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Contains("configure.ac includes m4/libuv-extra-automake-flags.m4", e.Message);
        Assert.Contains("release tarball", e.Message);
    }

    [Fact]
    public async Task Zlib_hand_written_configure_gets_only_the_directory_options_it_parses()
    {
        var s = await RealData.InspectExcerpt("zlib-1.2.13.dfsg", new InspectOptions(Name: "zlib", Version: "1.2.13"));
        using var tree = s.Tree;
        Assert.Equal(Shape.Autotools, s.Shape);
        var r = RecipeBook.For(s);
        Assert.Equal(["%set_build_flags", "./configure --prefix=%{_prefix} --libdir=%{_libdir} --includedir=%{_includedir}"], r.Conf);
        Assert.DoesNotContain(r.Conf, c => c.Contains("%configure", StringComparison.Ordinal));
        Assert.Equal(["%make_build check"], r.Check);
        // README: the RFC link comes first; the home page is the link that names the project.
        Assert.Equal("http://zlib.net/", s.Url);
        Assert.StartsWith("Zlib 1.2.13 is a general purpose data compression library.", s.Description);
    }

    [Fact]
    public async Task Lzo_static_only_by_default_is_configured_with_enable_shared()
    {
        var s = await RealData.InspectExcerpt("lzo-2.10");
        using var tree = s.Tree;
        // configure.ac: AC_DISABLE_SHARED; with --disable-static alone nothing shared would be built.
        Assert.Contains("--enable-shared", s.Meta.ConfigureArgs);
        Assert.Contains(RecipeBook.For(s).Conf, c => c.StartsWith("%configure --disable-static", StringComparison.Ordinal) && c.Contains("--enable-shared", StringComparison.Ordinal));
        // README is directions only ("Please read the file doc/LZO.TXT", "For a quick start ..."): the description is the summary.
        Assert.DoesNotContain("quick start", s.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Real-time data compression library", s.Summary);
    }

    [Fact]
    public async Task Libffi_builds_in_a_host_folder_so_the_libtool_rpath_edit_finds_the_script()
    {
        var s = await RealData.InspectExcerpt("libffi-3.4.4");
        using var tree = s.Tree;
        Assert.True(s.Meta.LibtoolInSubfolder);
        Assert.Contains(RecipeBook.For(s).Conf, c => c.StartsWith("find . -name libtool -type f -exec sed -i", StringComparison.Ordinal));
        // README.md: a release note first, then "What is libffi?".
        Assert.StartsWith("Compilers for high level languages generate code", s.Description);
        Assert.Equal("Library supporting Foreign Function Interfaces", s.Summary);
    }

    [Fact]
    public async Task Libpng_licence_version_2_is_libpng_2_0()
    {
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), RealData.Excerpt("libpng-1.6.39"));
        Assert.Equal("libpng-2.0", LicenseDetector.Detect(tree, null, "metadata").Expression);
    }

    [Fact]
    public void Pcre2_description_keeps_the_sentences_before_the_lead_in_to_a_link_and_skips_the_mailing_list()
    {
        var (_, description, _) = ReadmeReader.Parse(File.ReadAllText(Path.Combine(RealData.Excerpt("pcre2-10.42"), "README")));
        Assert.StartsWith("PCRE2 is a re-working of the original PCRE1 library", description);
        Assert.EndsWith("no longer maintained.", description);
    }

    [Fact]
    public void Build_configuration_scripts_in_bindir_are_development_files()
    {
        using var root = new TempDir("rpm-pcre2");
        foreach (var f in new[] { "usr/bin/pcre2-config", "usr/bin/pcre2grep", "usr/lib64/libpcre2-8.so.0.11.2" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(root.File(f))!);
            File.WriteAllBytes(root.File(f), [0x7f, (byte)'E', (byte)'L', (byte)'F']);
        }
        var plan = FileMapper.Map(root.Path);
        Assert.Contains("%{_bindir}/pcre2-config", plan.Devel);
        Assert.Contains("%{_bindir}/pcre2grep", plan.Main);
    }

    [Fact]
    public async Task Expat_tag_archive_with_the_project_one_folder_down_is_refused_naming_the_folder_not_packaged_as_a_script()
    {
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), RealData.Excerpt("libexpat-R_2_5_0"));
        // The top has .travis.sh (a #! script), COPYING and README.md; expat/ has the CMakeLists.txt.
        Assert.DoesNotContain(".travis.sh", ScriptFinder.Find(tree));
        var e = Assert.Throws<OpsKitException>(() => ShapeDetector.Detect(tree, "expat-2.5.0.tar.gz"));
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Contains("expat/ has cmake files", e.Message);
        Assert.Contains("DIR/expat", e.Message);
        // Its README's first link is a CI badge, not a home page.
        Assert.DoesNotContain("badge", ReadmeReader.HomePage(File.ReadAllText(tree.File("README.md"))) ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msgpack_c_description_skips_the_pronoun_tagline_for_the_paragraph_that_names_the_format()
    {
        var s = await RealData.InspectExcerpt("msgpack-c-4.0.0");
        using var tree = s.Tree;
        // README.md: "It's like JSON but smaller and faster." then "MessagePack is an efficient binary serialization format, ...".
        Assert.StartsWith("MessagePack is an efficient binary serialization format", s.Description);
        Assert.Equal("MessagePack is an efficient binary serialization format", s.Summary);
    }

    [Fact]
    public async Task Libsodium_sentence_is_not_cut_to_a_dangling_adjective()
    {
        var s = await RealData.InspectExcerpt("libsodium-1.0.18");
        using var tree = s.Tree;
        // README.markdown: "Sodium is a new, easy-to-use software library for encryption, ..." (was "Sodium is a new").
        Assert.Equal("A modern and easy-to-use crypto library", s.Summary);
        Assert.Null(SourceInspector.Shorten("Sodium is a new, easy-to-use software library for encryption, decryption, signatures, password hashing and more"));
    }

    [Fact]
    public async Task Fuse_dependency_in_a_subdir_meson_build_is_a_BuildRequires()
    {
        var s = await RealData.InspectExcerpt("fuse-3.14.0");
        using var tree = s.Tree;
        // util/meson.build: udev = dependency('udev'); missing on the probe host it is exit 69 naming the module.
        Assert.Equal(Shape.Meson, s.Shape);
        Assert.Contains("pkgconfig(udev)", s.Meta.BuildRequires);
        var e = Assert.Throws<OpsKitException>(() => BuildTools.RequireModules(s.Meta.BuildRequires, m => m != "udev"));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("'udev'", e.Message);
    }

    [Fact]
    public async Task Jansson_reST_reference_is_unmarked_so_the_README_sentence_is_the_summary_not_the_fallback()
    {
        var s = await RealData.InspectExcerpt("jansson-2.14");
        using var tree = s.Tree;
        // README.rst: "Jansson_ is a C library for encoding, decoding and manipulating JSON data." (was "The jansson package").
        Assert.Equal("C library for encoding, decoding and manipulating JSON data", s.Summary);
        Assert.DoesNotContain(s.Notes, n => n.Contains("no usable summary", StringComparison.Ordinal));
    }

    [Fact]
    public void A_development_symlink_to_another_symlink_is_pointed_at_the_versioned_library()
    {
        // libpng 1.6.39 installs libpng.so -> libpng16.so -> libpng16.so.16.39.0 (rpmlint: no-library-dependency-for).
        using var root = new TempDir("rpm-libpng");
        Directory.CreateDirectory(root.File("usr/lib64"));
        File.WriteAllBytes(root.File("usr/lib64/libpng16.so.16.39.0"), [0x7f, (byte)'E', (byte)'L', (byte)'F']);
        File.CreateSymbolicLink(root.File("usr/lib64/libpng16.so"), "libpng16.so.16.39.0");
        File.CreateSymbolicLink(root.File("usr/lib64/libpng.so"), "libpng16.so");
        var plan = FileMapper.Map(root.Path);
        Assert.Contains("ln -sf \"$(readlink %{buildroot}%{_libdir}/libpng16.so)\" %{buildroot}%{_libdir}/libpng.so", plan.InstallExtras);
        Assert.Equal(["%{_libdir}/libpng.so", "%{_libdir}/libpng16.so"], plan.Devel);
    }

    [Fact]
    public async Task Expat_passed_as_its_subfolder_gets_a_summary_without_This_is_NAME_and_no_badge_home_page()
    {
        using var dir = new TempDir("rpm-expat");
        var project = Directory.CreateDirectory(dir.File("expat-2.5.0")).FullName;
        foreach (var f in new[] { "COPYING", "README.md" }) File.Copy(Path.Combine(RealData.Excerpt("libexpat-R_2_5_0"), f), Path.Combine(project, f));
        File.Copy(Path.Combine(RealData.Excerpt("libexpat-R_2_5_0"), "expat", "CMakeLists.txt"), Path.Combine(project, "CMakeLists.txt"));
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), project);
        var s = SourceInspector.Inspect(tree, project, new InspectOptions());
        // README.md: "This is Expat, a C library for parsing XML, started by James Clark in 1997."
        Assert.Equal("C library for parsing XML, started by James Clark in 1997", s.Summary);
        Assert.DoesNotContain("repology", s.Url ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("badge", s.Url ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Libpng_man_page_summary_loses_the_version_it_repeats()
    {
        var s = await RealData.InspectExcerpt("libpng-1.6.39");
        using var tree = s.Tree;
        // libpng.3: "libpng \- Portable Network Graphics (PNG) Reference Library 1.6.39".
        Assert.Equal("Portable Network Graphics (PNG) Reference Library", s.Summary);
    }

    [Fact]
    public async Task Lz4_home_page_is_the_site_naming_it_not_a_source_file_link()
    {
        var s = await RealData.InspectTarball("lz4-1.9.4.tar.gz");
        using var tree = s.Tree;
        // README.md links zstd's README and lz4frame.h#L481 first; http://www.lz4.org comes last.
        Assert.Equal("http://www.lz4.org", s.Url);
    }

    [Theory]
    // README.md: the first link is luvit.io; then its mailing list (groups.google.com/group/libuv), deep links into
    // github.com/libuv/libuv, and its own site docs.libuv.org. (Debian's folder is libuv1-1.44.2; upstream's package is libuv.)
    [InlineData("libuv1-1.44.2", "http://docs.libuv.org", "libuv")]
    // README: http://libev.schmorp.de/bench.html (a page) comes before the home page.
    [InlineData("libev-4.33", "http://software.schmorp.de/pkg/libev", "libev")]
    // README: github.com/imomaliev/tmux-bash-completion (a repository with "tmux" in its name) is a front page, but not
    // tmux's; github.com/tmux/tmux.git is.
    [InlineData("tmux-3.3a", "https://github.com/tmux/tmux", "tmux")]
    public async Task Home_page_is_the_site_or_repository_naming_the_project(string project, string url, string name)
    {
        var s = await RealData.InspectExcerpt(project, new InspectOptions(Name: name));
        using var tree = s.Tree;
        Assert.Equal(url, s.Url);
    }

    [Fact]
    public async Task No_link_naming_the_project_gives_no_url_and_a_review_note_not_somebody_elses_page()
    {
        // cJSON 1.7.15's README links json.org (the format's page), valgrind, sanitizers and vcpkg; none is cJSON's.
        var s = await RealData.InspectTarball("cJSON-1.7.15.tar.gz");
        using var tree = s.Tree;
        Assert.Null(s.Url);
        Assert.Contains("no home page found; add a URL: tag", s.Notes);
    }
}
