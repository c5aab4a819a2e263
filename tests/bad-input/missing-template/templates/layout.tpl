{{%AUTOESCAPE context="HTML"}}<main>{{>CONTENT}}{{>NO_SUCH}}</main>
