package io.decisionledger.it.search;

import java.util.concurrent.ThreadLocalRandom;

/** Made-up words no other test or the demo data uses, so each test sees only its own hits. */
final class SearchWords {

  private SearchWords() {}

  static String word() {
    StringBuilder word = new StringBuilder("qz");
    for (int i = 0; i < 9; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.append('x').toString();
  }
}
