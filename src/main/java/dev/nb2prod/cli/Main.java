package dev.nb2prod.cli;

/** Entry point of the nb2prod command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
