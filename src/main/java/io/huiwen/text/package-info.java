/**
 * Text: Chinese analysis (HanLP segmentation, pinyin), keywords, excerpts and SimHash
 * fingerprints. Pure functions over strings; depends on no other Huiwen package.
 */
package io.huiwen.text;
