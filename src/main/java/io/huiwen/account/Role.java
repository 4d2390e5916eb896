package io.huiwen.account;

/** What a user may do: ADMIN everything, EDITOR the content (review, edit, publish, stories). */
public enum Role {
    ADMIN("管理员"),
    EDITOR("编辑");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role's name in the admin pages. */
    public String label() {
        return label;
    }

    /** The role named {@code name} (any case), or an {@link AccountProblem} saying which roles exist. */
    public static Role parse(String name) {
        if (name != null) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(name.strip())) {
                    return role;
                }
            }
        }
        throw AccountProblem.invalid("角色只能是 ADMIN（管理员）或 EDITOR（编辑）");
    }
}
