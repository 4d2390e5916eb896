import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/** Prints how many live documents the Lucene index in the given directory holds. */
public class IndexCount {
    public static void main(String[] args) throws Exception {
        try (var dir = FSDirectory.open(Path.of(args[0])); var reader = DirectoryReader.open(dir)) {
            System.out.println(reader.numDocs());
        }
    }
}
