package Acme::OpsHello;
use strict;
use warnings;

our $VERSION = '0.4';

sub greeting { return 'hello from perl' }

1;

__END__

=head1 NAME

Acme::OpsHello - greetings for OpsKit packaging tests

=head1 SYNOPSIS

  use Acme::OpsHello;
  print Acme::OpsHello::greeting(), "\n";

=cut
