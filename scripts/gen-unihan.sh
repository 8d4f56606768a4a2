#!/usr/bin/env bash
# Generates the compact Chinese tables embedded in CallMonitor.Chinese from the Unicode Unihan data
# (Debian package unicode-data). Run by the MSBuild target GenerateUnihanTables before compile; the
# output lives in the intermediate folder and is never committed.
#
# Usage: gen-unihan.sh <unihan-dir> <out-dir>
# Writes:
#   <out-dir>/pinyin.tsv.gz    one line per ideograph U+4E00..U+9FFF:
#                              char TAB common readings TAB dictionary-only readings (space-separated)
#   <out-dir>/t2s.txt.gz       one line per traditional->simplified pair: two characters
set -euo pipefail

src="${1:?usage: gen-unihan.sh <unihan-dir> <out-dir>}"
out="${2:?usage: gen-unihan.sh <unihan-dir> <out-dir>}"
readings="$src/Unihan_Readings.txt.bz2"
variants="$src/Unihan_Variants.txt.bz2"
for f in "$readings" "$variants"; do
  if [[ ! -r "$f" ]]; then
    echo "gen-unihan: $f not found; install the Unihan data with: apt-get install unicode-data" >&2
    exit 2
  fi
done
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Readings. Sources, in order of trust:
#   kMandarin    the customary reading (first = most common)
#   kHanyuPinlu  readings seen in a frequency corpus, with counts; kept as "common" when the count is
#                at least 1% of the character's most frequent reading
#   kXHC1983, kTGHZ2013  modern standard dictionaries: every listed reading ("dictionary-only" tier)
# kHanyuPinyin (a historical dictionary full of archaic readings) is deliberately not used.
bzip2 -dc "$readings" | LC_ALL=C perl -CSD -ne '
  next unless /^U\+([0-9A-F]{4})\t(kMandarin|kHanyuPinlu|kXHC1983|kTGHZ2013)\t(.*)$/;
  my ($cp, $field, $value) = (hex $1, $2, $3);
  next if $cp < 0x4E00 || $cp > 0x9FFF;
  $f{$cp}{$field} = $value;
  END {
    for my $cp (sort { $a <=> $b } keys %f) {
      my %e = %{ $f{$cp} };
      my (@common, @dict, %seen);
      push @common, split / /, ($e{kMandarin} // "");
      if (my $p = $e{kHanyuPinlu}) {
        my @pairs = map { /^(.+)\((\d+)\)$/ ? [$1, $2] : () } split / /, $p;
        my $max = 0; for (@pairs) { $max = $_->[1] if $_->[1] > $max }
        for (@pairs) { push @common, $_->[0] if $_->[1] * 100 >= $max }
        for (@pairs) { push @dict, $_->[0] if $_->[1] * 100 < $max }
      }
      for my $k (qw(kXHC1983 kTGHZ2013)) {
        next unless $e{$k};
        push @dict, map { (split /:/)[-1] } split / /, $e{$k};
      }
      @common = grep { !$seen{$_}++ } @common;
      @dict = grep { !$seen{$_}++ } @dict;
      if (!@common) { next unless @dict; push @common, shift @dict; }
      print chr($cp), "\t", join(" ", @common), "\t", join(" ", @dict), "\n";
    }
  }' > "$tmp/pinyin.tsv"

# Traditional -> simplified. A character is mapped only when it is never itself written in simplified
# text (its kSimplifiedVariant list does not contain it); the first listed simplified form is used.
# Both sides are limited to the BMP CJK blocks U+3400..U+9FFF.
bzip2 -dc "$variants" | LC_ALL=C perl -CSD -ne '
  next unless /^U\+([0-9A-F]{4,5})\tkSimplifiedVariant\t(.*)$/;
  my $cp = hex $1;
  next if $cp < 0x3400 || $cp > 0x9FFF;
  my @to = map { hex substr($_, 2) } split / /, $2;
  next if grep { $_ == $cp } @to;
  my $t = $to[0];
  next if $t < 0x3400 || $t > 0x9FFF;
  print chr($cp), chr($t), "\n";' > "$tmp/t2s.txt"

if [[ ! -s "$tmp/pinyin.tsv" || ! -s "$tmp/t2s.txt" ]]; then
  echo "gen-unihan: no data extracted from $src (unexpected Unihan format?)" >&2
  exit 3
fi
gzip -9n -c "$tmp/pinyin.tsv" > "$out/pinyin.tsv.gz"
gzip -9n -c "$tmp/t2s.txt" > "$out/t2s.txt.gz"
